using Azure;
using Azure.Data.Tables;
using Aggregator.Papers;

namespace Aggregator.Storage.Tables;

/// <summary>
/// Papers in Table Storage: one partition per paper in "papers", "paperkeys" mapping every key (arXiv id, DOI,
/// OpenReview id, ACL id, normalised title) to its paper, and the "papers" partition of "timeline" newest first.
/// A merged-away paper keeps a main row pointing at its survivor, so old ids still resolve.
/// </summary>
public sealed class TablePaperStore(AggregatorTables tables) : IPaperStore
{
    public async Task<Paper?> GetAsync(string paperId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(paperId);
        // Ids come from post rows too (a feed lists a post's papers as stored now); one that cannot be a key names nothing.
        if (!EntityRules.CanBeKey(paperId))
        {
            return null;
        }

        var papers = await tables.GetAsync(tables.Names.Papers).ConfigureAwait(false);
        for (var hops = 0; hops < 4; hops++)
        {
            var main = await papers.GetEntityIfExistsAsync<TableEntity>(paperId, PaperEntityMapper.MainRowKey(paperId), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!main.HasValue)
            {
                return null;
            }

            if (main.Value!.GetString("MergedInto") is { Length: > 0 } survivor)
            {
                paperId = survivor;
                continue;
            }

            var coverage = await PartitionReader.ReadRowsAsync(papers, paperId, PaperEntityMapper.CoverageRowKeys(main.Value!), cancellationToken).ConfigureAwait(false);
            return PaperEntityMapper.FromRows(main.Value!, coverage);
        }

        return null;
    }

    public async Task<IReadOnlyList<Paper>> GetNewestAsync(FeedQuery query, CancellationToken cancellationToken = default)
    {
        var timeline = await tables.GetAsync(tables.Names.Timeline).ConfigureAwait(false);
        var papers = await TimelineReader.NewestAsync(
            timeline, TimelineRow.PapersPartition, query, tables.Options.MaxTimelineScan, GetAsync, cancellationToken).ConfigureAwait(false);
        // Two timeline rows can resolve to one paper while a merge is half-way.
        return papers.DistinctBy(p => p.Id).ToList();
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
        await PartitionWriter.UpsertAsync(papers, PaperEntityMapper.ToRows(paper), cancellationToken).ConfigureAwait(false);

        var keyTable = await tables.GetAsync(tables.Names.PaperKeys).ConfigureAwait(false);
        foreach (var key in keys.Distinct())
        {
            var (partition, row) = KeyRow(key);
            await keyTable.UpsertAsync(new TableEntity(partition, row) { ["PaperId"] = paper.Id, ["Key"] = key.ToString() },
                TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }

        var timeline = await tables.GetAsync(tables.Names.Timeline).ConfigureAwait(false);
        await timeline.UpsertAsync(TimelineRow.ForPaper(paper), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> SaveIfUnchangedAsync(Paper paper, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paper);
        var papers = await tables.GetAsync(tables.Names.Papers).ConfigureAwait(false);
        var version = paper.StoreVersion is { } stored ? new ETag(stored) : (ETag?)null;
        if (!await PartitionWriter.WriteIfUnchangedAsync(papers, PaperEntityMapper.ToRows(paper), version, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var timeline = await tables.GetAsync(tables.Names.Timeline).ConfigureAwait(false);
        await timeline.UpsertAsync(TimelineRow.ForPaper(paper), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<string?> ClaimKeysAsync(string paperId, IReadOnlyCollection<PaperKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(paperId);
        var keyTable = await tables.GetAsync(tables.Names.PaperKeys).ConfigureAwait(false);
        foreach (var key in keys.Distinct())
        {
            var (partition, row) = KeyRow(key);
            var entity = new TableEntity(partition, row) { ["PaperId"] = paperId, ["Key"] = key.ToString() };
            for (var attempt = 0; ; attempt++)
            {
                if (await keyTable.AddIfAbsentAsync(entity, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }

                var existing = await keyTable.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (!existing.HasValue)
                {
                    continue;
                }

                var owner = existing.Value!.GetString("PaperId");
                if (owner == paperId)
                {
                    break;
                }

                // A key whose paper is gone or was merged into this one is ours to re-point; one of another live paper
                // means two writers created the same paper at once, and the caller merges them.
                var live = owner is null ? null : await GetAsync(owner, cancellationToken).ConfigureAwait(false);
                if (live is not null && live.Id != paperId)
                {
                    return live.Id;
                }

                if (await keyTable.UpdateIfUnchangedAsync(entity, existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false)
                    || attempt >= 5)
                {
                    break;
                }
            }
        }

        return null;
    }

    public async Task<bool> MarkMergedIfUnchangedAsync(Paper absorbed, string survivorId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(absorbed);
        if (absorbed.StoreVersion is not { } version || absorbed.Id == survivorId)
        {
            return absorbed.Id == survivorId;
        }

        var papers = await tables.GetAsync(tables.Names.Papers).ConfigureAwait(false);
        var pointer = new TableEntity(absorbed.Id, PaperEntityMapper.MainRowKey(absorbed.Id)) { ["MergedInto"] = survivorId };
        if (!await papers.UpdateIfUnchangedAsync(pointer, new ETag(version), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        foreach (var coverageRow in PaperEntityMapper.ToRows(absorbed).SkipLast(1))
        {
            await papers.DeleteIfPresentAsync(absorbed.Id, coverageRow.RowKey, cancellationToken).ConfigureAwait(false);
        }

        var timeline = await tables.GetAsync(tables.Names.Timeline).ConfigureAwait(false);
        await timeline.DeleteIfPresentAsync(TimelineRow.PapersPartition, TimelineRow.PaperRowKey(absorbed), cancellationToken).ConfigureAwait(false);
        return true;
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
        await papers.UpsertAsync(new TableEntity(absorbed.Id, PaperEntityMapper.MainRowKey(absorbed.Id)) { ["MergedInto"] = survivor.Id },
            TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        foreach (var coverageRow in PaperEntityMapper.ToRows(absorbed).SkipLast(1))
        {
            await papers.DeleteIfPresentAsync(absorbed.Id, coverageRow.RowKey, cancellationToken).ConfigureAwait(false);
        }

        var timeline = await tables.GetAsync(tables.Names.Timeline).ConfigureAwait(false);
        await timeline.DeleteIfPresentAsync(TimelineRow.PapersPartition, TimelineRow.PaperRowKey(absorbed), cancellationToken).ConfigureAwait(false);
    }

    private static (string Partition, string Row) KeyRow(PaperKey key) =>
        TableKeys.Spread(TableKeys.Hashed(key.Kind.ToString().ToLowerInvariant(), key.Value));
}
