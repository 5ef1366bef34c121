using System.Text.Json;
using Aggregator.Azurite;
using Aggregator.Testing.Http;
using Aggregator.Testing.Metadata;
using Aggregator.Testing.Paths;

namespace Aggregator.Cli.Tests.Commands;

/// <summary>
/// What <c>ingest</c> says about the metadata lookups after the sources, with enrichment turned on against a loopback
/// arXiv (the rest of the CLI tests run with it off). Each test has a store of its own: what one run looked up is
/// never due again in the next.
/// </summary>
public sealed class IngestEnrichmentTests
{
    private static readonly FakeArxivPaper Dpo = new(
        "2305.18290",
        "Direct Preference Optimization: Your Language Model is Secretly a Reward Model",
        ["Rafael Rafailov", "Archit Sharma"],
        PrimaryCategory: "cs.LG",
        Version: 3);

    private static readonly FakeArxivPaper StepDpo = new(
        "2406.18629", "Step-DPO: Step-wise Preference Optimization for Long-chain Reasoning of LLMs", ["Xin Lai", "Zhuotao Tian"], Version: 2);

    private static readonly FakeArxivPaper StepControlledDpo = new(
        "2407.00782", "Step-Controlled DPO: Leveraging Stepwise Error for Enhanced Mathematical Reasoning", ["Zimu Lu", "Aojun Zhou"]);

    /// <summary>The three papers the sample arXiv listing carries.</summary>
    private static readonly FakeArxivPaper[] Listed = [Dpo, StepDpo, StepControlledDpo];

    private static Dictionary<string, string> EnrichmentAgainst(FakeArxivService arxiv) => new()
    {
        ["ENRICHMENT_ENABLED"] = "true",
        ["Enrichment__ArxivQueryUrl"] = arxiv.QueryUrl.ToString(),
        // Nothing in these feeds has an OpenReview id; the root is loopback so no request could leave the host.
        ["Enrichment__OpenReviewApiUrl"] = arxiv.Server.Url("/openreview/").ToString(),
        ["Enrichment__ArxivRequestInterval"] = "00:00:00",
        ["Enrichment__RequestRetries"] = "0",
    };

    [Fact]
    public async Task Ingest_Json_ReportsThePapersLookedUpAndTheRequestsMade()
    {
        await using var sources = await SampleSources.StartAsync(("enrich-arxiv", "arxiv-cs-cl.rdf", "application/rdf+xml"));
        await using var azurite = await AzuriteProcess.StartAsync(new AzuriteStartOptions { SearchFrom = RepositoryPaths.Root });
        await using var arxiv = await FakeArxivService.StartAsync(catalogue: Listed);

        var run = await CliRun.ProcessAsync(EnrichmentAgainst(arxiv), "ingest", "--json", "--sources", sources.Path, "--storage", azurite.ConnectionString);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var document = JsonDocument.Parse(run.Out);
        var enrichment = document.RootElement.GetProperty("enrichment");
        Assert.Equal(JsonValueKind.Null, enrichment.GetProperty("skipped").ValueKind);
        Assert.Equal(3, enrichment.GetProperty("papers").GetInt32());
        Assert.Equal(3, enrichment.GetProperty("enriched").GetInt32());
        Assert.Equal(arxiv.Requests.Count, enrichment.GetProperty("arxivRequests").GetInt32());
        Assert.Equal(0, enrichment.GetProperty("openReviewRequests").GetInt32());
        Assert.Equal(0, enrichment.GetProperty("failed").GetInt32());
        Assert.Equal(JsonValueKind.Null, enrichment.GetProperty("error").ValueKind);
    }

    [Fact]
    public async Task Ingest_MalformedArxivAnswer_SaysSoOnThePapersLineAndStillExitsZero()
    {
        await using var sources = await SampleSources.StartAsync(("enrich-broken", "arxiv-cs-cl.rdf", "application/rdf+xml"));
        await using var azurite = await AzuriteProcess.StartAsync(new AzuriteStartOptions { SearchFrom = RepositoryPaths.Root });
        await using var arxiv = await FakeArxivService.StartAsync(catalogue: Listed);
        arxiv.Enqueue(LoopbackResponse.Text("<html><body>Service down for maintenance</body></html>", "text/html"));

        var run = await CliRun.ProcessAsync(EnrichmentAgainst(arxiv), "ingest", "--sources", sources.Path, "--storage", azurite.ConnectionString);

        // A failed lookup never fails the run: the posts are stored, the papers are retried on a later run.
        Assert.True(run.ExitCode == 0, run.ToString());
        var papers = Assert.Single(run.OutLines, l => l.StartsWith("Papers: ", StringComparison.Ordinal));
        Assert.Matches(@"^Papers: \d+ due for a lookup, 0 enriched, .*[1-9]\d* failed; 1 arXiv and 0 OpenReview requests: .+", papers);
        Assert.StartsWith("1 sources: ", run.OutLines[^1], StringComparison.Ordinal);
        Assert.False(run.HasStackTrace, run.ToString());
    }
}
