using System.Diagnostics;
using Aggregator.Papers;
using Aggregator.Testing.Papers;

namespace Aggregator.Benchmarks.Papers;

/// <summary>
/// Accuracy of paper identification and merging over the labelled corpus (fixtures + shared samples): precision and
/// recall per post class, pairwise merge precision/recall, and whether any similar-but-distinct pair merged — each next
/// to the naive id-grep baseline. Exits 1 when a target is missed.
/// </summary>
internal sealed class PapersBenchCommand : IBenchCommand
{
    private const double TargetRecallIdsOrHeadings = 0.95;
    private const double TargetRecallPlainTitleLists = 0.8;
    private const double TargetPrecision = 0.95;
    private const int TimingRounds = 50;

    public string Name => "papers";

    public string Description => "Paper identification and merge accuracy on the labelled corpus, vs a naive id grep (--verbose: per post; --resolution: with title resolution and enrichment against fake arXiv/OpenReview on Azurite)";

    public async Task<int> RunAsync(string[] args)
    {
        var (posts, skipped) = PaperCorpus.Load();
        foreach (var message in skipped)
        {
            Console.WriteLine($"skipped: {message}");
        }

        var verbose = args.Contains("--verbose");
        var identifier = new PaperIdentifier();
        var documents = posts.Select(p => new PostDocument(p.Title, p.Html, p.Text, p.BaseUri is null ? null : new Uri(p.BaseUri))).ToList();
        var ours = new Dictionary<string, IdentificationTally>();
        var naive = new Dictionary<string, IdentificationTally>();
        var mentions = new List<(PaperMention Mention, string? PaperId, int Post)>();
        for (var p = 0; p < posts.Count; p++)
        {
            var watch = Stopwatch.StartNew();
            var found = identifier.Identify(documents[p]);
            var elapsed = watch.Elapsed.TotalMilliseconds;
            var matches = PaperCorpusScoring.Match(posts[p], KeySets(found), TitleKey);
            if (verbose)
            {
                var missed = posts[p].Papers.Where((_, i) => !matches.Contains(i)).Select(e => e.Id);
                var extra = found.Where((_, i) => matches[i] < 0).Select(m => m.Keys.FirstOrDefault().ToString());
                Console.WriteLine($"  {posts[p].Name,-36} {found.Count,3} found {elapsed,8:F2} ms  missed: [{string.Join(", ", missed)}]  extra: [{string.Join(", ", extra)}]");
            }

            PaperCorpusScoring.Tally(TallyFor(ours, posts[p].PostClass), posts[p], matches);
            var post = p;
            mentions.AddRange(found.Select((m, i) => (m, matches[i] >= 0 ? posts[p].Papers[matches[i]].Id : null, post)));

            var baseline = NaiveIdBaseline.Identify(posts[p].Html, posts[p].Text);
            PaperCorpusScoring.Tally(TallyFor(naive, posts[p].PostClass), posts[p], PaperCorpusScoring.Match(posts[p], baseline, TitleKey));
        }

        Console.WriteLine($"corpus: {posts.Count} posts, {posts.Sum(p => p.Papers.Count)} labelled paper mentions");
        Console.WriteLine($"{"class",-18} {"expected",8} {"recall",8} {"precision",9} | {"naive recall",12} {"naive prec.",11}");
        var pass = true;
        foreach (var postClass in ours.Keys.Order(StringComparer.Ordinal))
        {
            var o = ours[postClass];
            var n = naive[postClass];
            Console.WriteLine($"{postClass,-18} {o.Expected,8} {o.Recall,8:F3} {o.Precision,9:F3} | {n.Recall,12:F3} {n.Precision,11:F3}");
            var targetRecall = postClass == PostClasses.PlainTitleList ? TargetRecallPlainTitleLists : TargetRecallIdsOrHeadings;
            pass &= o.Recall >= targetRecall && o.Precision >= TargetPrecision;
        }

        var groups = PaperMergeModel.Group(mentions.Select(m => m.Mention));
        var groupOf = new Dictionary<PaperMention, int>(ReferenceEqualityComparer.Instance);
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var member in groups[g])
            {
                groupOf[member] = g;
            }
        }

        var merge = PaperCorpusScoring.ScoreMerging(mentions.Select(m => (m.PaperId, groupOf[m.Mention])).ToList(), PaperCorpus.DistinctPairs());
        Console.WriteLine($"merging: {mentions.Count} mentions -> {groups.Count} papers; pair recall {merge.Recall:F3} " +
                          $"({merge.SamePaperPairsMerged}/{merge.SamePaperPairs}), pair precision {merge.Precision:F3} " +
                          $"({merge.MergedPairsCorrect}/{merge.MergedPairs})");
        Console.WriteLine($"similar-but-distinct pairs merged: {merge.DistinctPairsMerged.Count} of {PaperCorpus.DistinctPairs().Count}" +
                          string.Concat(merge.DistinctPairsMerged.Select(p => $" [{p.A} + {p.B}]")));
        pass &= merge.DistinctPairsMerged.Count == 0;
        if (verbose)
        {
            var split = mentions.Where(m => m.PaperId is not null)
                .GroupBy(m => m.PaperId!)
                .Where(g => g.Select(m => groupOf[m.Mention]).Distinct().Count() > 1)
                .Select(g => $"{g.Key} ({g.Select(m => groupOf[m.Mention]).Distinct().Count()} groups)");
            Console.WriteLine($"  papers split across groups (no shared key): {string.Join(", ", split)}");
        }


        if (args.Contains("--resolution"))
        {
            pass &= await ResolutionBench.RunAsync(posts, mentions, merge);
        }
        else
        {
            var (oursTime, naiveTime) = Time(identifier, documents, posts);
            Console.WriteLine($"time per post: {oursTime:F3} ms vs naive {naiveTime:F4} ms (x{oursTime / naiveTime:F0})");
        }

        Console.WriteLine(pass ? "targets: met" : "targets: MISSED");
        return pass ? 0 : 1;
    }

    private static (double Ours, double Naive) Time(PaperIdentifier identifier, List<PostDocument> documents, IReadOnlyList<LabelledPost> posts)
    {
        // Warm up so the first-call JIT and regex construction do not count.
        documents.ForEach(d => identifier.Identify(d));
        var watch = Stopwatch.StartNew();
        for (var r = 0; r < TimingRounds; r++)
        {
            documents.ForEach(d => identifier.Identify(d));
        }

        var ours = watch.Elapsed.TotalMilliseconds / (TimingRounds * documents.Count);
        watch.Restart();
        for (var r = 0; r < TimingRounds; r++)
        {
            foreach (var post in posts)
            {
                NaiveIdBaseline.Identify(post.Html, post.Text);
            }
        }

        return (ours, watch.Elapsed.TotalMilliseconds / (TimingRounds * posts.Count));
    }

    private static IdentificationTally TallyFor(Dictionary<string, IdentificationTally> tallies, string postClass)
    {
        if (!tallies.TryGetValue(postClass, out var tally))
        {
            tallies[postClass] = tally = new IdentificationTally();
        }

        return tally;
    }

    private static IReadOnlyList<IReadOnlyCollection<string>> KeySets(IReadOnlyList<PaperMention> mentions) =>
        mentions.Select(m => (IReadOnlyCollection<string>)m.Keys.Select(k => k.ToString()).ToList()).ToList();

    private static string? TitleKey(string title) => PaperTitle.KeyFor(title)?.ToString();
}
