using Aggregator.Azurite;
using Aggregator.Enrichment;
using Aggregator.Papers;
using Aggregator.Storage;
using Aggregator.Storage.Tables;
using Aggregator.Summaries;
using Aggregator.Testing.Metadata;
using Aggregator.Testing.Papers;
using Aggregator.Testing.Paths;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aggregator.Benchmarks.Papers;

/// <summary>
/// The "papers --resolution" mode: the labelled corpus ingested post by post into real stores (a fresh Azurite), one
/// enrichment pass after each post as after each ingest run, against loopback arXiv and OpenReview loaded with the
/// corpus's papers (<see cref="CorpusCatalogue"/>). Scores the grouping that results, next to the pure key-sharing
/// rule measured in the same run, and counts the requests the services saw per paper created.
/// </summary>
internal static class ResolutionBench
{
    public const double TargetRecall = 0.95;
    public const double TargetLookupsPerPaper = 1.0;

    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Both schedules: a pass after every post (least batching), and one pass after all (stored papers must merge).</summary>
    public static async Task<bool> RunAsync(IReadOnlyList<LabelledPost> posts, IReadOnlyList<(PaperMention Mention, string? PaperId, int Post)> mentions, MergeScore baseline)
    {
        var everyPost = await RunAsync(posts, mentions, baseline, passAfterEveryPost: true, CatalogueTitles.MostCommon);
        var once = await RunAsync(posts, mentions, baseline, passAfterEveryPost: false, CatalogueTitles.MostCommon);
        // Robustness, reported but not a target: the services word each title as the fewest posts did, restyled.
        _ = await RunAsync(posts, mentions, baseline, passAfterEveryPost: false, CatalogueTitles.Restyled);
        return everyPost && once;
    }

    private static async Task<bool> RunAsync(
        IReadOnlyList<LabelledPost> posts, IReadOnlyList<(PaperMention Mention, string? PaperId, int Post)> mentions, MergeScore baseline, bool passAfterEveryPost, CatalogueTitles titles)
    {
        var (arxivPapers, notes) = CorpusCatalogue.FromLabels(posts, titles);
        var clock = new SteppingClock(T0);
        await using var arxiv = await FakeArxivService.StartAsync(clock, arxivPapers);
        await using var openReview = await FakeOpenReviewService.StartAsync(notes);
        await using var azurite = await AzuriteProcess.StartAsync(new AzuriteStartOptions { SearchFrom = RepositoryPaths.Root });
        var tables = new AggregatorTables(new TableServiceClient(azurite.ConnectionString), new TableStoreOptions { TablePrefix = "bench" });
        var store = new TablePaperStore(tables);
        var resolver = new PaperResolver(store, new PaperSummaryPicker(new ExtractiveSummarizer()), clock);
        var options = new EnrichmentOptions { ArxivQueryUrl = arxiv.QueryUrl, OpenReviewApiUrl = openReview.ApiUrl };
        using var http = MetadataServices.CreateHttpClient();
        var enricher = new PaperEnricher(
            new TablePendingPaperLookups(tables), new TableWorkLease(tables, clock), store, resolver, new MetadataServices(http, options, clock),
            new TableDataVersion(tables, clock), Microsoft.Extensions.Options.Options.Create(options), clock, NullLogger<PaperEnricher>.Instance);

        var assigned = new string[mentions.Count];
        var created = new HashSet<string>(StringComparer.Ordinal);
        var passes = new List<EnrichmentReport>();
        for (var p = 0; p < posts.Count; p++)
        {
            var post = new Post
            {
                Id = "post-" + posts[p].Name,
                SourceId = posts[p].Name,
                SourceName = posts[p].Name,
                Title = posts[p].Title,
                Link = "https://corpus.example/" + posts[p].Name,
                Published = clock.GetUtcNow(),
                FirstSeen = clock.GetUtcNow(),
            };
            for (var m = 0; m < mentions.Count; m++)
            {
                if (mentions[m].Post == p && mentions[m].Mention.Keys.Count > 0)
                {
                    var before = await store.FindByKeysAsync(mentions[m].Mention.Keys);
                    assigned[m] = (await resolver.ResolveAsync(post, [mentions[m].Mention])).Single().PaperId;
                    if (before.Count == 0)
                    {
                        created.Add(assigned[m]);
                    }
                }
            }

            // One ingest run per post: the least batching the services could see.
            if (passAfterEveryPost || p == posts.Count - 1)
            {
                passes.Add(await enricher.EnrichPendingAsync(TimeSpan.FromMinutes(10)));
            }

            clock.Advance(TimeSpan.FromMinutes(30));
        }

        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var scored = new List<(string? PaperId, int Group)>();
        for (var m = 0; m < mentions.Count; m++)
        {
            var final = assigned[m] is null ? $"unkeyed-{m}" : (await store.GetAsync(assigned[m]))?.Id ?? assigned[m];
            if (!groups.TryGetValue(final, out var group))
            {
                groups[final] = group = groups.Count;
            }

            scored.Add((mentions[m].PaperId, group));
        }

        var score = PaperCorpusScoring.ScoreMerging(scored, PaperCorpus.DistinctPairs());
        var requests = passes.Sum(r => r.ArxivRequests + r.OpenReviewRequests);
        var lookupsPerPaper = created.Count == 0 ? 0 : (double)requests / created.Count;
        Console.WriteLine($"resolution (fake arXiv: {arxivPapers.Count} papers, fake OpenReview: {notes.Count} notes, titled " +
                          (titles == CatalogueTitles.MostCommon ? "as most posts title them; " : "as the fewest posts do, restyled (robustness, not a target); ") +
                          (passAfterEveryPost ? "an enrichment pass after every post):" : "one enrichment pass after all posts):"));
        Console.WriteLine($"  pair recall    {score.Recall:F3} ({score.SamePaperPairsMerged}/{score.SamePaperPairs})  vs keys only {baseline.Recall:F3} ({baseline.SamePaperPairsMerged}/{baseline.SamePaperPairs}): x{Ratio(score.Recall, baseline.Recall):F2}");
        Console.WriteLine($"  pair precision {score.Precision:F3} ({score.MergedPairsCorrect}/{score.MergedPairs})  vs keys only {baseline.Precision:F3}");
        Console.WriteLine($"  similar-but-distinct pairs merged: {score.DistinctPairsMerged.Count} of {PaperCorpus.DistinctPairs().Count}" +
                          string.Concat(score.DistinctPairsMerged.Select(d => $" [{d.A} + {d.B}]")));
        Console.WriteLine($"  papers created {created.Count} -> {groups.Count(g => !g.Key.StartsWith("unkeyed-", StringComparison.Ordinal))} after resolution; " +
                          $"titles resolved {passes.Sum(r => r.TitlesResolved)}, enriched {passes.Sum(r => r.Enriched)}, merged {passes.Sum(r => r.Merged)}, failed {passes.Sum(r => r.Failed)}");
        Console.WriteLine($"  lookups: {passes.Sum(r => r.ArxivRequests)} arXiv + {passes.Sum(r => r.OpenReviewRequests)} OpenReview requests = {lookupsPerPaper:F2} per new paper " +
                          $"vs {Per(passes.Sum(r => r.Questions), created.Count):F2} unbatched (one request per question): x{Ratio(requests, passes.Sum(r => r.Questions)):F2}");
        var simulated = arxiv.Requests.Count > 1 ? arxiv.Requests.Zip(arxiv.Requests.Skip(1)).Min(pair => pair.Second.At - pair.First.At) : TimeSpan.Zero;
        Console.WriteLine($"  shortest gap between two arXiv requests (simulated clock): {simulated.TotalSeconds:F1} s");
        var pass = score.Recall >= TargetRecall && score.Precision >= 1.0 && score.DistinctPairsMerged.Count == 0 && lookupsPerPaper <= TargetLookupsPerPaper;
        if (titles == CatalogueTitles.MostCommon)
        {
            Console.WriteLine(pass ? "  resolution targets: met" : "  resolution targets: MISSED");
        }
        return pass;
    }

    private static double Per(int count, int papers) => papers == 0 ? 0 : (double)count / papers;

    private static double Ratio(double a, double b) => b == 0 ? double.PositiveInfinity : a / b;
}
