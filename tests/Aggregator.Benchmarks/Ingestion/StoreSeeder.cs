using Azure.Data.Tables;
using Aggregator.Dedupe;
using Aggregator.Papers;
using Aggregator.Storage;
using Aggregator.Storage.Tables;

namespace Aggregator.Benchmarks.Ingestion;

/// <summary>
/// Fills a store with N posts and N/2 papers laid out exactly as ingestion lays them out (post rows, identity keys,
/// fingerprint bands, papers with their keys and coverage, timeline), but written in entity-group transactions where
/// partitions allow, so 100k posts take minutes, not hours.
/// </summary>
internal static class StoreSeeder
{
    private const int Parallelism = 16;

    public static int PaperCount(int posts) => Math.Max(1, posts / 2);

    /// <summary>The arXiv id of seeded paper <paramref name="i"/>: new posts in the benchmark mention some of these.</summary>
    public static string SeededArxivId(int i) => $"2401.{i:D5}";

    public static string SeededTitle(int i) => $"Seeded paper {i}: sparse attention for long contexts";

    public static async Task SeedAsync(TableServiceClient service, TablePaperStore papers, TableNames names, int count, Action<string>? progress = null)
    {
        var random = new Random(count);
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var postTable = service.GetTableClient(names.Posts);
        var seeded = Enumerable.Range(0, count)
            .Select(i => SeedPost(i, start, (ulong)random.NextInt64() ^ ((ulong)i << 32)))
            .ToList();

        var done = 0;
        await Parallel.ForEachAsync(seeded, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (post, ct) =>
        {
            await postTable.SubmitTransactionAsync(
                PostEntityMapper.ToEntities(post).Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct);
            Report(progress, "posts", Interlocked.Increment(ref done), count);
        });

        await WriteGroupedAsync(service.GetTableClient(names.PostKeys), seeded.Select(p => TablePostStore.IdentityRow("url:" + p.Link, p.Id)));
        await WriteGroupedAsync(service.GetTableClient(names.PostBands), seeded
            .Where(p => p.Fingerprint != 0)
            .SelectMany(p => TextFingerprint.BandKeys(p.Fingerprint).Select(b => FingerprintBandIndex.Entry(b, 0, p.Id, p.Fingerprint)))
            .GroupBy(r => (r.PartitionKey, r.RowKey))
            .Select(MergeRows));
        await WriteGroupedAsync(service.GetTableClient(names.Timeline), seeded.Select(TimelineRow.ForPost));

        // Papers go through the store itself (three requests each): their keys and ids are its business.
        done = 0;
        var paperCount = PaperCount(count);
        await Parallel.ForAsync(0, paperCount, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, ct) =>
        {
            var paper = SeedPaper(i, seeded[Math.Min(2 * i, count - 1)]);
            await papers.SaveAsync(paper, PaperUpdate.KeysOf(paper).ToList(), ct);
            Report(progress, "papers", Interlocked.Increment(ref done), paperCount);
        });
    }

    // Each band row holds every seeded post with that band value, as successive Merges would have left it.
    private static TableEntity MergeRows(IEnumerable<TableEntity> entries)
    {
        TableEntity? merged = null;
        foreach (var entry in entries)
        {
            merged ??= new TableEntity(entry.PartitionKey, entry.RowKey);
            foreach (var name in entry.Keys.Where(k => k.StartsWith("p_", StringComparison.Ordinal)))
            {
                merged[name] = entry[name];
            }
        }

        return merged!;
    }

    private static void Report(Action<string>? progress, string what, int done, int total)
    {
        if (done % 5_000 == 0 || done == total)
        {
            progress?.Invoke($"{what} {done:N0}/{total:N0}");
        }
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

    private static Paper SeedPaper(int i, Post coveredBy) => new()
    {
        Id = PaperIds.FromKey(new PaperKey(PaperKeyKind.Arxiv, SeededArxivId(i))),
        Title = SeededTitle(i),
        ArxivId = SeededArxivId(i),
        FirstSeen = coveredBy.FirstSeen,
        LastSeen = coveredBy.FirstSeen,
        Updated = coveredBy.FirstSeen,
        Coverage = [new PaperCoverage(coveredBy.Id, coveredBy.SourceId, coveredBy.SourceName, coveredBy.Title, coveredBy.Link, coveredBy.FirstSeen)],
    };

    private static async Task WriteGroupedAsync(TableClient table, IEnumerable<TableEntity> rows)
    {
        var batches = rows.GroupBy(r => r.PartitionKey)
            .SelectMany(g => g.DistinctBy(r => r.RowKey).Chunk(100))
            .ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (batch, ct) =>
            await table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct));
    }
}
