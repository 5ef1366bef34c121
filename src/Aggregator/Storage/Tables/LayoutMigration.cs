using Azure.Data.Tables;

namespace Aggregator.Storage.Tables;

/// <summary>
/// Rewrites a store written with the first table layout into the current one, once, the first time a process opens it,
/// so an upgrade neither hides nor loses what was stored. Layout 1 keyed rows "post", "html-NNNN", "text-NNNN", "paper"
/// and "coverage-POSTID", and indexed fingerprints with one "postbands" row per post and band; layout 2 carries the
/// owner's id in every row key and keeps a paper's coverage as JSON (see <see cref="PostEntityMapper"/>,
/// <see cref="PaperEntityMapper"/>, <see cref="FingerprintBandIndex"/>). Every step is an idempotent upsert followed
/// by the delete of the old row, so a migration that dies half-way is completed by the next process.
/// </summary>
internal static class LayoutMigration
{
    public const int CurrentLayout = 2;

    private const string MetaPartition = "meta";
    private const string MetaRow = "layout";

    public static async Task RunAsync(TableServiceClient service, TableNames names)
    {
        var meta = service.GetTableClient(names.Meta);
        var marker = await meta.GetEntityIfExistsAsync<TableEntity>(MetaPartition, MetaRow).ConfigureAwait(false);
        if (marker.HasValue && marker.Value!.GetInt32("Layout") >= CurrentLayout)
        {
            return;
        }

        await MigratePostsAsync(service.GetTableClient(names.Posts)).ConfigureAwait(false);
        await MigratePapersAsync(service.GetTableClient(names.Papers)).ConfigureAwait(false);
        await MigrateBandsAsync(service.GetTableClient(names.PostBands)).ConfigureAwait(false);
        await meta.UpsertAsync(new TableEntity(MetaPartition, MetaRow) { ["Layout"] = CurrentLayout }, TableUpdateMode.Replace).ConfigureAwait(false);
    }

    private static async Task MigratePostsAsync(TableClient posts)
    {
        foreach (var main in await QueryAsync(posts, "RowKey eq 'post'").ConfigureAwait(false))
        {
            var postId = main.PartitionKey;
            var chunks = (await QueryAsync(posts, TableClient.CreateQueryFilter($"PartitionKey eq {postId}")).ConfigureAwait(false))
                .Where(r => IsLegacyChunk(r.RowKey))
                .ToList();
            var renamed = chunks
                .Select(r => Renamed(r, PostEntityMapper.ChunkRowKey(postId, r.RowKey[..4], int.Parse(r.RowKey[5..], System.Globalization.CultureInfo.InvariantCulture))))
                .Append(Renamed(main, PostEntityMapper.MainRowKey(postId)))
                .ToList();
            await MoveAsync(posts, renamed, chunks.Append(main)).ConfigureAwait(false);
        }
    }

    private static async Task MigratePapersAsync(TableClient papers)
    {
        foreach (var main in await QueryAsync(papers, "RowKey eq 'paper'").ConfigureAwait(false))
        {
            var paperId = main.PartitionKey;
            var rows = await QueryAsync(papers, TableClient.CreateQueryFilter($"PartitionKey eq {paperId}")).ConfigureAwait(false);
            var coverage = rows.Where(r => r.RowKey.StartsWith("coverage-", StringComparison.Ordinal) && r.GetString("PostId") is not null).ToList();
            var renamed = Renamed(main, PaperEntityMapper.MainRowKey(paperId));
            List<TableEntity> written = main.GetString("MergedInto") is { Length: > 0 }
                ? [renamed]
                : PaperEntityMapper.ToRows(PaperEntityMapper.FromRows(renamed, []) with
                {
                    Coverage = coverage.Select(r => new PaperCoverage(
                        r.GetString("PostId")!, r.GetString("SourceId") ?? "", r.GetString("SourceName") ?? "",
                        r.GetString("PostTitle") ?? "", r.GetString("PostLink") ?? "", r.GetDateTimeOffset("SeenAt") ?? default)).ToList(),
                });
            await MoveAsync(papers, written, coverage.Append(main)).ConfigureAwait(false);
        }
    }

    private static async Task MigrateBandsAsync(TableClient bands)
    {
        // Layout 1: partition "b2-9f3a" (seven characters), one row per post id.
        foreach (var row in (await QueryAsync(bands, null).ConfigureAwait(false)).Where(r => r.PartitionKey.Length == 7))
        {
            var fingerprint = unchecked((ulong)(row.GetInt64("Fingerprint") ?? 0));
            await bands.UpsertAsync(FingerprintBandIndex.Entry(row.PartitionKey, 0, row.RowKey, fingerprint), TableUpdateMode.Merge).ConfigureAwait(false);
            await bands.DeleteIfPresentAsync(row.PartitionKey, row.RowKey).ConfigureAwait(false);
        }
    }

    private static bool IsLegacyChunk(string rowKey) =>
        rowKey.Length == 9 && (rowKey.StartsWith("html-", StringComparison.Ordinal) || rowKey.StartsWith("text-", StringComparison.Ordinal));

    private static TableEntity Renamed(TableEntity row, string rowKey)
    {
        var copy = new TableEntity(row) { RowKey = rowKey };
        copy.Remove("Timestamp");
        copy.Remove("odata.etag");
        return copy;
    }

    // The new rows first, main row last, and only then the old rows: nothing is deleted before its copy is written.
    private static async Task MoveAsync(TableClient table, IReadOnlyList<TableEntity> written, IEnumerable<TableEntity> removed)
    {
        await PartitionWriter.UpsertAsync(table, written, CancellationToken.None).ConfigureAwait(false);
        foreach (var old in removed)
        {
            await table.DeleteIfPresentAsync(old.PartitionKey, old.RowKey).ConfigureAwait(false);
        }
    }

    private static async Task<List<TableEntity>> QueryAsync(TableClient table, string? filter)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return rows;
    }
}
