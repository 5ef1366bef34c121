using System.Diagnostics;
using AngleSharp.Html.Parser;
using Aggregator.Extraction;
using Aggregator.Testing.Extraction;

namespace Aggregator.Benchmarks.Extraction;

/// <summary>
/// Accuracy (labelled article sentences kept, junk lines leaked) and speed of <see cref="ContentExtractor"/> over the
/// labelled pages, beside AngleSharp's bare parse of the same pages: the floor any DOM-based extractor stands on.
/// </summary>
public sealed class ExtractBenchCommand : IBenchCommand
{
    private static readonly TimeSpan MeasureFor = TimeSpan.FromSeconds(3);

    public string Name => "extract";

    public string Description => "ContentExtractor: kept/leaked per labelled page, pages/s vs AngleSharp's bare parse";

    public Task<int> RunAsync(string[] args)
    {
        var pages = LabelledPages.FromFixtures().Concat(LabelledPages.FromSharedSamples()).ToList();
        if (LabelledPages.FromSharedSamples().Count == 0)
        {
            Console.WriteLine("(../shared/samples absent: fixtures only)");
        }

        var extractor = new ContentExtractor(new LinkCanonicalizer());
        Console.WriteLine("Accuracy (kept = labelled article sentences present in Text; leaked = labelled junk lines present)");
        var scores = new List<ExtractionScore>();
        foreach (var page in pages)
        {
            var score = page.Labels.Score(extractor.Extract(page.Html, page.BaseUri).Text);
            scores.Add(score);
            Console.WriteLine($"  {page.Name,-48} {score}");
        }

        Console.WriteLine($"  {"all pages",-48} {ExtractionScore.Sum(scores)}");

        var parser = new HtmlParser();
        var totalKilobytes = pages.Sum(p => p.Html.Length) / 1024.0;
        Console.WriteLine($"Speed over the {pages.Count} pages ({totalKilobytes:F0} K chars), passes alternated for {MeasureFor.TotalSeconds * 2:F0} s, one thread");
        var (parseRate, extractRate) = PagesPerSecond(
            pages, page => parser.ParseDocument(page.Html), page => extractor.Extract(page.Html, page.BaseUri));
        Console.WriteLine($"  baseline AngleSharp ParseDocument   {parseRate,10:F0} pages/s");
        Console.WriteLine($"  ContentExtractor.Extract            {extractRate,10:F0} pages/s  ({parseRate / extractRate:F2}x the parse time)");

        // Hostile input: AngleSharp's tree builder is quadratic in nesting depth; the extractor caps nesting first.
        const int depth = 10_000;
        var nested = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", depth)) + "text, deep down." + "</body></html>";
        var bare = Time(() => parser.ParseDocument(nested));
        var capped = Time(() => extractor.Extract(nested, null));
        Console.WriteLine($"Hostile page: {depth:N0} nested divs");
        Console.WriteLine($"  baseline AngleSharp ParseDocument   {bare.TotalMilliseconds,10:F0} ms");
        Console.WriteLine($"  ContentExtractor.Extract            {capped.TotalMilliseconds,10:F0} ms  ({bare / capped:F0}x faster)");
        return Task.FromResult(0);
    }

    /// <summary>
    /// Alternates whole passes of the baseline and the candidate over all pages, so both see the same machine load
    /// (the build machine is shared; a baseline measured a few seconds apart can be off by a factor of several).
    /// </summary>
    private static (double Baseline, double Candidate) PagesPerSecond(List<LabelledPage> pages, Action<LabelledPage> baseline, Action<LabelledPage> candidate)
    {
        foreach (var page in pages)
        {
            baseline(page); // warm-up: JIT, regexes, parser tables
            candidate(page);
        }

        var baselineTime = TimeSpan.Zero;
        var candidateTime = TimeSpan.Zero;
        var rounds = 0;
        var total = Stopwatch.StartNew();
        while (total.Elapsed < MeasureFor * 2)
        {
            baselineTime += Time(() => pages.ForEach(baseline));
            candidateTime += Time(() => pages.ForEach(candidate));
            rounds++;
        }

        var pagesDone = (double)rounds * pages.Count;
        return (pagesDone / baselineTime.TotalSeconds, pagesDone / candidateTime.TotalSeconds);
    }

    private static TimeSpan Time(Action work)
    {
        var stopwatch = Stopwatch.StartNew();
        work();
        return stopwatch.Elapsed;
    }
}
