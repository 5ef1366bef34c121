using Aggregator.Ingestion;
using Aggregator.Storage;
using Aggregator.Testing.Azurite;
using Aggregator.Testing.Http;

namespace Aggregator.Tests.Ingestion;

/// <summary>
/// Bad sources cost only themselves: the run finishes, the good sources are ingested, the failure is recorded on the
/// source for an operator, and the source backs off.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class HostileSourceTests(AzuriteFixture azurite)
{
    private const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><link>https://lol.example/1</link></item></channel></rss>
        """;

    [Fact]
    public async Task Run_WithHostileSources_IngestsTheGoodOnesAndRecordsEachFailure()
    {
        await using var server = await SampleFeedServer.StartAsync();
        server.Map("/gone.xml", LoopbackResponse.Status(404));
        server.Map("/not-a-feed.xml", LoopbackResponse.Text("<html><body><p>Just a page <b>with <i>broken</b> markup", "application/rss+xml"));
        server.Map("/loop-a", LoopbackResponse.Redirect("/loop-b"));
        server.Map("/loop-b", LoopbackResponse.Redirect("/loop-a"));
        server.Map("/slow.xml", LoopbackResponse.Slow(bytesPerSecond: 1, totalBytes: 1_000, "application/rss+xml"));
        server.Map("/huge.xml", LoopbackResponse.Huge(50L * 1024 * 1024, "application/rss+xml"));
        server.Map("/lol.xml", LoopbackResponse.Text(BillionLaughs, "application/rss+xml"));
        server.Map("/nested.html", LoopbackResponse.Text(
            "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "<p>Deep inside, the one paragraph of this page.</p></body></html>",
            "text/html; charset=utf-8"));
        var bad = new[] { "gone", "not-a-feed", "loop-a", "slow", "huge" };
        var sources = SampleFeedServer.Sources(server).Concat(
            bad.Append("lol").Select(id => IngestionHarness.Feed(id, server.Url(id.StartsWith("loop", StringComparison.Ordinal) ? "/" + id : $"/{id}.xml"))))
            .Append(new { id = "nested", name = "nested", url = server.Url("/nested.html").AbsoluteUri, type = "page" });
        await using var harness = new IngestionHarness(azurite, sources, fetcher: o => { o.Timeout = TimeSpan.FromSeconds(2); o.MaxBytes = 1024 * 1024; });

        var report = await harness.RunAsync();

        Assert.All(SampleFeedServer.Feeds, f => Assert.Equal(SourceOutcome.Ingested, report.Sources.Single(s => s.SourceId == f.Id).Outcome));
        foreach (var id in bad)
        {
            var result = report.Sources.Single(s => s.SourceId == id);
            Assert.True(result.Outcome == SourceOutcome.Failed, $"{id}: {result.Outcome} {result.Message}");
            var state = await harness.States.GetAsync(id);
            Assert.False(string.IsNullOrWhiteSpace(state!.LastError), id);
            Assert.Equal(1, state.FailureCount);
            Assert.True(state.NextAttempt > DateTimeOffset.UtcNow, $"{id} should back off");
        }

        // The entity bomb is defused, not expanded: whatever is recovered carries no expansion, and a warning says why.
        var lol = report.Sources.Single(s => s.SourceId == "lol");
        Assert.True(lol.Outcome == SourceOutcome.Failed || lol.Warnings.Count > 0, $"lol: {lol.Outcome}");
        var stored = await harness.Posts.GetNewestAsync(new FeedQuery { Limit = 200 });
        Assert.DoesNotContain(stored, p => p.Title.Contains("lollol", StringComparison.Ordinal) || p.Text.Contains("lollol", StringComparison.Ordinal));

        // 100,000 nested elements: read as a page without exhausting the stack, its text kept.
        Assert.Equal(SourceOutcome.Ingested, report.Sources.Single(s => s.SourceId == "nested").Outcome);
        Assert.Contains(stored, p => p.SourceId == "nested" && p.Text.Contains("Deep inside", StringComparison.Ordinal));

        Assert.Contains("404", report.Sources.Single(s => s.SourceId == "gone").Message, StringComparison.Ordinal);
        Assert.Contains("redirect", report.Sources.Single(s => s.SourceId == "loop-a").Message, StringComparison.OrdinalIgnoreCase);
        Assert.False(report.AllFailed);
    }

    [Fact]
    public async Task Run_AfterAFailure_SkipsTheSourceWhileItBacksOffAndKeepsWhatWasStored()
    {
        await using var server = await SampleFeedServer.StartAsync();
        var flaky = server.Url("/flaky.xml");
        server.Map("/flaky.xml", LoopbackResponse.File(Aggregator.Testing.Paths.RepositoryPaths.InRoot("samples", "feeds", "weibo-ai-researcher.xml"), "application/rss+xml"));
        await using var harness = new IngestionHarness(azurite, [IngestionHarness.Feed("flaky", flaky)]);
        var first = await harness.RunAsync();
        var stored = await harness.Posts.GetNewestAsync(new FeedQuery());

        server.Map("/flaky.xml", LoopbackResponse.Status(503, ("Retry-After", "120")));
        var failed = await harness.RunAsync(new IngestionRunOptions { IgnoreBackoff = true });
        var skipped = await harness.RunAsync();

        Assert.True(first.NewPosts > 0);
        Assert.Equal(SourceOutcome.Failed, failed.Sources[0].Outcome);
        Assert.True(failed.AllFailed);
        Assert.Equal(SourceOutcome.Skipped, skipped.Sources[0].Outcome);
        Assert.Equal(stored.Select(p => p.Id), (await harness.Posts.GetNewestAsync(new FeedQuery())).Select(p => p.Id));
        var state = await harness.States.GetAsync("flaky");
        Assert.True(state!.NextAttempt >= DateTimeOffset.UtcNow.AddSeconds(100), "Retry-After is honoured");
    }
}
