using Aggregator.AzureStorage.Tables;
using Aggregator.Dedupe;
using Aggregator.Storage;
using Aggregator.Storage.Tables;

namespace Aggregator.Benchmarks.Ingestion;

/// <summary>
/// Fills a store with N posts exactly as ingestion lays them out (post rows, identity keys, fingerprint bands, timeline),
/// but written in entity-group transactions where partitions allow, so 100k posts take minutes, not hours.
/// </summary>
internal static class StoreSeeder
{
    public static async Task SeedAsync(TableServiceClient service, TableNames names, int count, Action<int>? progress = null)
    {
        var random = new Random(count);
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var posts = service.GetTableClient(names.Posts);
        var keyRows = new List<TableEntity>();
        var bandRows = new List<TableEntity>();
        var timelineRows = new List<TableEntity>();

        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var post = SeedPost(i, start, (ulong)random.NextInt64() ^ ((ulong)i << 32));
            await posts.SubmitTransactionAsync(PostRows(post).Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct);
            lock (keyRows)
            {
                keyRows.Add(TablePostStore.IdentityRow("url:" + post.Link, post.Id));
                bandRows.AddRange(TextFingerprint.BandKeys(post.Fingerprint).Select(b => new TableEntity(b, post.Id) { ["Fingerprint"] = unchecked((long)post.Fingerprint) }));
                timelineRows.Add(TimelineRow.ForPost(post));
            }

            if (i % 5_000 == 0)
            {
                progress?.Invoke(i);
            }
        });

        await WriteGroupedAsync(service.GetTableClient(names.PostKeys), keyRows);
        await WriteGroupedAsync(service.GetTableClient(names.PostBands), bandRows);
        await WriteGroupedAsync(service.GetTableClient(names.Timeline), timelineRows);
    }

    private static Post SeedPost(int i, DateTimeOffset start, ulong fingerprint) => new()
    {
        Id = $"seed{i:D8}",
        SourceId = "seed",
        SourceName = "Seed",
        Title = $"Seeded post {i}",
        Link = $"https://seed.example/{i}",
        Published = start.AddMinutes(i),
        FirstSeen = start.AddMinutes(i),
        ContentHtml = $"<p>Seeded post {i}.</p>",
        Text = $"Seeded post {i}.",
        Fingerprint = fingerprint,
    };

    private static IEnumerable<TableEntity> PostRows(Post post) => PostEntityMapper.ToEntities(post);

    private static async Task WriteGroupedAsync(TableClient table, List<TableEntity> rows)
    {
        var batches = rows.GroupBy(r => r.PartitionKey)
            .SelectMany(g => g.DistinctBy(r => r.RowKey).Chunk(100))
            .ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (batch, ct) =>
            await table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct));
    }
}
