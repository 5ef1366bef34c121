using Aggregator.Extraction;
using Aggregator.Testing.Extraction;
using Xunit.Abstractions;

namespace Aggregator.Tests.Extraction;

/// <summary>Labelled pages: article sentences kept (≥ 95%) and junk lines leaked (≤ 2%), per page set.</summary>
public sealed class ExtractionAccuracyTests(ITestOutputHelper output)
{
    private const double MinKeptShare = 0.95;
    private const double MaxLeakedShare = 0.02;

    private readonly ContentExtractor extractor = new(new LinkCanonicalizer());

    [Fact]
    public void Extract_Fixtures_KeepArticleSentencesAndDropJunk()
    {
        var total = Measure(LabelledPages.FromFixtures());

        Assert.True(total.KeptShare >= MinKeptShare, $"Fixtures: {total}; missing: {string.Join(" | ", total.Missing)}");
        Assert.True(total.LeakedShare <= MaxLeakedShare, $"Fixtures: {total}; leaked: {string.Join(" | ", total.LeakedLines)}");
    }

    [Fact]
    public void Extract_SharedSamples_KeepArticleSentencesAndDropJunk()
    {
        var pages = LabelledPages.FromSharedSamples();
        if (pages.Count == 0)
        {
            output.WriteLine("Skipped: ../shared/samples is not beside the repository.");
            return;
        }

        var total = Measure(pages);

        Assert.True(total.KeptShare >= MinKeptShare, $"Samples: {total}; missing: {string.Join(" | ", total.Missing)}");
        Assert.True(total.LeakedShare <= MaxLeakedShare, $"Samples: {total}; leaked: {string.Join(" | ", total.LeakedLines)}");
    }

    private ExtractionScore Measure(IReadOnlyList<LabelledPage> pages)
    {
        var scores = new List<ExtractionScore>();
        foreach (var page in pages)
        {
            var score = page.Labels.Score(extractor.Extract(page.Html, page.BaseUri).Text);
            output.WriteLine($"{page.Name}: {score}");
            foreach (var line in score.Missing)
            {
                output.WriteLine($"  missing: {line}");
            }

            foreach (var line in score.LeakedLines)
            {
                output.WriteLine($"  leaked: {line}");
            }

            scores.Add(score);
        }

        return ExtractionScore.Sum(scores);
    }
}
