using Aggregator.AzureStorage.Tables;
using Aggregator.Papers;

namespace Aggregator.Storage.Tables;

/// <summary>
/// Papers in Table Storage: one partition per paper in "papers", "paperkeys" mapping every key (arXiv id, DOI,
/// OpenReview id, ACL id, normalised title) to its paper, and the "papers" partition of "timeline" newest first.
/// A merged-away paper keeps a main row pointing at its survivor, so old ids still resolve.
/// </summary>
public sealed class TablePaperStore(AggregatorTables tables) : IPaperStore
{
    private const int ParallelReads = 8;

    public async Task<Paper?> GetAsync(string paperId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(paperId);
        var papers = await tables.GetAsync(tables.Names.Papers).ConfigureAwait(false);
        for (var hops = 0; hops < 4; hops++)
        {
            TableEntity? main = null;
            var coverage = new List<TableEntity>();
            await foreach (var row in papers.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {paperId}"), cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (row.RowKey == PaperEntityMapper.MainRow)
                {
                    main = row;
                }
                else if (row.RowKey.StartsWith(PaperEntityMapper.CoveragePrefix, StringComparison.Ordinal))
                {
                    coverage.Add(row);
                }
            }

            if (main is null)
            {
                return null;
            }

            if (main.GetString("MergedInto") is { Length: > 0 } survivor)
            {
                paperId = survivor;
                continue;
            }

            return PaperEntityMapper.FromRows(main, coverage);
        }

        return null;
    }

    public async Task<IReadOnlyList<Paper>> GetNewestAsync(FeedQuery query, CancellationToken cancellationToken = default)
    {
        var timeline = await tables.GetAsync(tables.Names.Timeline).ConfigureAwait(false);
        var ids = await TimelineReader.NewestIdsAsync(
            timeline, TimelineRow.PapersPartition, query, tables.Options.MaxTimelineScan, cancellationToken).ConfigureAwait(false);
        var papers = new Paper?[ids.Count];
        await Parallel.ForAsync(0, ids.Count, new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (i, ct) => papers[i] = await GetAsync(ids[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        return papers.OfType<Paper>().DistinctBy(p => p.Id).ToList();
    }

    public async Task<IReadOnlyDictionary<PaperKey, string>> FindByKeysAsync(IReadOnlyCollection<PaperKey> keys, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.PaperKeys).ConfigureAwait(false);
        var found = new Dictionary<PaperKey, string>();
        foreach (var key in keys.Distinct())
        {
            var (partition, row) = KeyRow(key);
            var hit = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (hit.HasValue && hit.Value!.GetString("PaperId") is { } paperId)
            {
                found[key] = paperId;
            }
        }

        return found;
    }

    public async Task SaveAsync(Paper paper, IReadOnlyCollection<PaperKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paper);
        var papers = await tables.GetAsync(tables.Names.Papers).ConfigureAwait(false);
        var rows = paper.Coverage.Select(c => PaperEntityMapper.ToCoverageRow(paper.Id, c)).Append(PaperEntityMapper.ToMainRow(paper)).ToList();
        await PartitionWriter.UpsertAsync(papers, rows, cancellationToken).ConfigureAwait(false);

        var keyTable = await tables.GetAsync(tables.Names.PaperKeys).ConfigureAwait(false);
        foreach (var key in keys.Distinct())
        {
            var (partition, row) = KeyRow(key);
            await keyTable.UpsertEntityAsync(new TableEntity(partition, row) { ["PaperId"] = paper.Id, ["Key"] = key.ToString() },
                TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }

        var timeline = await tables.GetAsync(tables.Names.Timeline).ConfigureAwait(false);
        await timeline.UpsertEntityAsync(TimelineRow.ForPaper(paper), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task MergeAsync(Paper survivor, IReadOnlyCollection<PaperKey> keys, string absorbedPaperId, CancellationToken cancellationToken = default)
    {
        var absorbed = await GetAsync(absorbedPaperId, cancellationToken).ConfigureAwait(false);
        await SaveAsync(survivor, keys, cancellationToken).ConfigureAwait(false);
        if (absorbed is null || absorbed.Id == survivor.Id)
        {
            return;
        }

        var papers = await tables.GetAsync(tables.Names.Papers).ConfigureAwait(false);
        await papers.UpsertEntityAsync(new TableEntity(absorbed.Id, PaperEntityMapper.MainRow) { ["MergedInto"] = survivor.Id },
            TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        foreach (var coverage in absorbed.Coverage)
        {
            await papers.DeleteEntityAsync(absorbed.Id, PaperEntityMapper.CoveragePrefix + coverage.PostId, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var timeline = await tables.GetAsync(tables.Names.Timeline).ConfigureAwait(false);
        await timeline.DeleteEntityAsync(TimelineRow.PapersPartition, TimelineRow.PaperRowKey(absorbed), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static (string Partition, string Row) KeyRow(PaperKey key) =>
        TableKeys.Spread(TableKeys.Hashed(key.Kind.ToString().ToLowerInvariant(), key.Value));
}
