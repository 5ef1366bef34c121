using Aggregator.Ingestion;
using Aggregator.Storage;
using Aggregator.Testing.Azurite;
using Aggregator.Testing.Http;
using Aggregator.Testing.Paths;
using Aggregator.Tests.Fetching;

namespace Aggregator.Tests.Ingestion;

/// <summary>
/// SSRF through sources: a feed, its item links (full text) and its redirects must not make the aggregator fetch and
/// publish an internal service's page. The "internal service" is a loopback server whose page says INTERNAL-SECRET-PAGE.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class PrivateNetworkIngestionTests(AzuriteFixture azurite)
{
    private const string Secret = InternalService.Secret;

    [Fact]
    public async Task LoopbackSource_ByDefault_FailsWithTheRefusalRecorded_AndOtherSourcesGoOn()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/feed.xml", LoopbackResponse.File(SampleFeed(), "application/rss+xml"));
        var url = server.Url("/feed.xml");
        await using var harness = new IngestionHarness(
            azurite,
            [IngestionHarness.Feed("internal", url), IngestionHarness.Feed("public", new Uri(SampleFeed()))],
            fetcher: o => o.AllowLoopbackForTests = false);

        var report = await harness.RunAsync();

        Assert.Equal(SourceOutcome.Failed, report.Sources.Single(s => s.SourceId == "internal").Outcome);
        Assert.Equal(SourceOutcome.Ingested, report.Sources.Single(s => s.SourceId == "public").Outcome);
        var state = await harness.States.GetAsync("internal");
        Assert.Equal($"GET {url} refused: 127.0.0.1 is a loopback address; set allowPrivateNetwork on this source to allow it.", state!.LastError);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task LoopbackSource_MarkedAllowPrivateNetwork_IsIngested()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/feed.xml", LoopbackResponse.File(SampleFeed(), "application/rss+xml"));
        var source = new { id = "intranet", name = "Intranet", url = server.Url("/feed.xml").AbsoluteUri, type = "feed", allowPrivateNetwork = true };
        await using var harness = new IngestionHarness(azurite, [source], fetcher: o => o.AllowLoopbackForTests = false);

        var report = await harness.RunAsync();

        Assert.Equal(SourceOutcome.Ingested, report.Sources.Single().Outcome);
        Assert.True(report.NewPosts > 0);
    }

    [Fact]
    public async Task FullTextItemLink_ToALoopbackService_IsNeverRequestedNorPublished()
    {
        // The feed itself is a file (no network), so only the item link is left to refuse, by the default policy.
        await using var secret = await LoopbackServer.StartAsync();
        secret.Map("/secret", LoopbackResponse.Text($"<html><body><article><p>{Secret}</p></article></body></html>", "text/html"));
        using var feed = new FeedFile(TeaserFeed(secret.Url("/secret")));
        var source = new { id = "teasers", name = "Teasers", url = feed.Url.AbsoluteUri, type = "feed", fullText = true };
        await using var harness = new IngestionHarness(azurite, [source], fetcher: o => o.AllowLoopbackForTests = false);

        var report = await harness.RunAsync();

        Assert.Equal(SourceOutcome.Ingested, report.Sources.Single().Outcome);
        var post = Assert.Single(await harness.Posts.GetNewestAsync(new FeedQuery()));
        Assert.DoesNotContain(Secret, post.Title + post.Text, StringComparison.Ordinal);
        Assert.Contains("teaser", post.Text, StringComparison.Ordinal);
        Assert.Empty(secret.Requests);
    }

    [Fact]
    public async Task FullTextItemLink_ThatRedirectsToAnInternalAddress_IsNeverRequestedNorPublished()
    {
        await using var secret = await InternalService.StartAsync();
        var internalUrl = secret.Url("/secret");
        await using var site = await LoopbackServer.StartAsync();
        site.Map("/post", LoopbackResponse.Redirect(internalUrl.AbsoluteUri));
        site.Map("/feed.xml", LoopbackResponse.Text(TeaserFeed(site.Url("/post")), "application/rss+xml"));
        var source = new { id = "teasers", name = "Teasers", url = site.Url("/feed.xml").AbsoluteUri, type = "feed", fullText = true };

        // The test opt-in lets 127.0.0.1 stand in for a public site; the 127.0.0.2 hop is internal and is refused.
        await using var harness = new IngestionHarness(azurite, [source]);
        await harness.RunAsync();

        var post = Assert.Single(await harness.Posts.GetNewestAsync(new FeedQuery()));
        Assert.DoesNotContain(Secret, post.Title + post.Text, StringComparison.Ordinal);
        Assert.Single(site.RequestsTo("/post"));
        Assert.Equal(0, InternalService.RequestsAfterProbe(secret));
    }

    [Fact]
    public async Task FeedThatRedirectsToAnInternalAddress_FailsWithTheRefusalRecorded()
    {
        await using var secret = await InternalService.StartAsync();
        secret.Map("/feed.xml", LoopbackResponse.Text(TeaserFeed(secret.Url("/secret"), title: Secret), "application/rss+xml"));
        var internalUrl = secret.Url("/feed.xml");
        await using var site = await LoopbackServer.StartAsync();
        site.Map("/feed.xml", LoopbackResponse.Redirect(internalUrl.AbsoluteUri));
        site.Map("/good.xml", LoopbackResponse.File(SampleFeed(), "application/rss+xml"));
        await using var harness = new IngestionHarness(
            azurite, [IngestionHarness.Feed("moved", site.Url("/feed.xml")), IngestionHarness.Feed("good", site.Url("/good.xml"))]);

        var report = await harness.RunAsync();

        Assert.Equal(SourceOutcome.Failed, report.Sources.Single(s => s.SourceId == "moved").Outcome);
        Assert.Equal(SourceOutcome.Ingested, report.Sources.Single(s => s.SourceId == "good").Outcome);
        var state = await harness.States.GetAsync("moved");
        Assert.Equal(
            $"GET {internalUrl} (redirected from {site.Url("/feed.xml")}) refused: 127.0.0.2 is a loopback address; "
            + "set allowPrivateNetwork on this source to allow it.",
            state!.LastError);
        Assert.DoesNotContain(await harness.Posts.GetNewestAsync(new FeedQuery { Limit = 200 }), p => p.Title.Contains(Secret, StringComparison.Ordinal));
        Assert.Equal(0, InternalService.RequestsAfterProbe(secret));
    }

    private static string SampleFeed() => RepositoryPaths.InRoot("samples", "feeds", "weibo-ai-researcher.xml");

    private static string TeaserFeed(Uri link, string title = "A post about step-level preferences") => $"""
        <rss version="2.0"><channel><title>Teasers</title><link>https://teasers.example/</link>
        <item><title>{title}</title><link>{link}</link><guid>post-1</guid>
        <description>Only a teaser here; the full article is on the linked page.</description></item></channel></rss>
        """;

    /// <summary>A feed written to a temporary file, so a test can serve it without a network.</summary>
    private sealed class FeedFile : IDisposable
    {
        private readonly string path = Path.Combine(Path.GetTempPath(), $"aggregator-feed-{Guid.NewGuid():N}.xml");

        public FeedFile(string xml) => File.WriteAllText(path, xml);

        public Uri Url => new(path);

        public void Dispose() => File.Delete(path);
    }
}
