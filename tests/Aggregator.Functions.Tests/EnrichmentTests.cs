using System.Text.Json;
using Aggregator.Functions.Tests.Harness;
using Aggregator.Hosting;
using Aggregator.Testing.Metadata;

namespace Aggregator.Functions.Tests;

/// <summary>
/// Enrichment in the queued app: the timer's tick looks up the papers that earlier ticks' messages stored, against a
/// loopback arXiv, and /api/papers then shows what arXiv says of them.
/// </summary>
[Collection(FunctionsEnvironment.Collection)]
public sealed class EnrichmentTests(FunctionsEnvironment environment)
{
    private const string DpoAbstract = "Canonical abstract from the fake arXiv: a reward model hidden in the policy.";

    [Fact]
    public async Task Ingest_NextTick_LooksUpThePapersTheLastTickStoredAndThePaperFeedShowsTheirAbstract()
    {
        await using var arxiv = await FakeArxivService.StartAsync(catalogue:
        [
            new FakeArxivPaper("2305.18290", "Direct Preference Optimization: Your Language Model is Secretly a Reward Model", ["Rafael Rafailov"], DpoAbstract, "cs.LG", 3),
            new FakeArxivPaper("2406.18629", "Step-DPO: Step-wise Preference Optimization for Long-chain Reasoning of LLMs", ["Xin Lai"], Version: 2),
            new FakeArxivPaper("2407.00782", "Step-Controlled DPO: Leveraging Stepwise Error for Enhanced Mathematical Reasoning", ["Zimu Lu"]),
        ]);
        await using var app = environment.NewApp(
            [environment.Feeds.Source(SampleFeed.Arxiv)],
            new Dictionary<string, string?>
            {
                [SettingNames.EnrichmentEnabled] = "true",
                ["Enrichment:ArxivQueryUrl"] = arxiv.QueryUrl.ToString(),
                ["Enrichment:OpenReviewApiUrl"] = arxiv.Server.Url("/openreview/").ToString(),
                ["Enrichment:ArxivRequestInterval"] = "00:00:00",
            });

        // The first tick queues the source and finds nothing due; its message stores the posts and their papers.
        await app.RunScheduledIngestAsync();
        Assert.Empty(arxiv.Requests);
        await app.RunScheduledIngestAsync();

        var request = Assert.Single(arxiv.Requests);
        Assert.Contains("id_list=", request.Query, StringComparison.Ordinal);
        var papers = app.Request("GET", "/api/papers?format=json");
        await app.Function<Papers>().RunAsync(papers.Request);
        using var document = JsonDocument.Parse(papers.BodyText);
        var dpo = Assert.Single(document.RootElement.GetProperty("items").EnumerateArray(), i => i.GetProperty("content_html").GetString()!.Contains(">arXiv:2305.18290</a>", StringComparison.Ordinal));
        Assert.Contains(DpoAbstract, dpo.GetProperty("content_html").GetString(), StringComparison.Ordinal);
        Assert.Contains("Rafael Rafailov", dpo.GetProperty("content_html").GetString(), StringComparison.Ordinal);
    }
}
