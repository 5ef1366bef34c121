using Aggregator.Storage;
using Aggregator.Testing.Azurite;
using Aggregator.Testing.Http;

namespace Aggregator.Tests.Ingestion;

[Collection(AzuriteFixture.Collection)]
public sealed class FullTextTests(AzuriteFixture azurite)
{
    private const string Article = """
        <html><head><title>Long read - Example Lab</title></head><body>
        <nav><a href="/">Home</a> <a href="/about">About</a> <a href="/blog">Blog</a></nav>
        <article><h1>Why step-level preferences help long reasoning</h1>
        <p>Preference optimisation usually scores whole answers, so a single wrong step late in a long chain is blamed on every step before it.</p>
        <p>Scoring each step instead lets the model learn exactly where reasoning goes wrong, which is what Step-DPO does with about ten thousand pairs.</p>
        </article>
        <aside><h3>Related articles</h3><ul><li><a href="/a">Ten tips for GPUs</a></li><li><a href="/b">Our holiday party</a></li></ul></aside>
        </body></html>
        """;

    [Fact]
    public async Task FullTextSource_StoresTheLinkedPagesArticleInsteadOfTheTeaser()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/post", LoopbackResponse.Text(Article, "text/html; charset=utf-8"));
        server.Map("/feed.xml", LoopbackResponse.Text($"""
            <rss version="2.0"><channel><title>Teasers</title><link>{server.BaseUri}</link>
            <item><title>Why step-level preferences help</title><link>{server.Url("/post")}</link><guid>post-1</guid>
            <description>Read the full post on our site…</description></item></channel></rss>
            """, "application/rss+xml"));
        var source = new { id = "teasers", name = "Teasers", url = server.Url("/feed.xml").AbsoluteUri, type = "feed", fullText = true };
        await using var harness = new IngestionHarness(azurite, [source]);

        var report = await harness.RunAsync();

        Assert.Equal(1, report.NewPosts);
        var post = Assert.Single(await harness.Posts.GetNewestAsync(new FeedQuery()));
        Assert.Contains("lets the model learn exactly where reasoning goes wrong", post.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Read the full post", post.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("holiday party", post.Text, StringComparison.Ordinal);
        Assert.Single(server.RequestsTo("/post"));
    }

    [Fact]
    public async Task FullTextSource_WhenThePageFails_KeepsTheTeaser()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/post", LoopbackResponse.Status(500));
        server.Map("/feed.xml", LoopbackResponse.Text($"""
            <rss version="2.0"><channel><title>Teasers</title><link>{server.BaseUri}</link>
            <item><title>A teaser</title><link>{server.Url("/post")}</link><guid>post-1</guid>
            <description>The teaser text survives when the page cannot be fetched.</description></item></channel></rss>
            """, "application/rss+xml"));
        var source = new { id = "teasers", name = "Teasers", url = server.Url("/feed.xml").AbsoluteUri, type = "feed", fullText = true };
        await using var harness = new IngestionHarness(azurite, [source]);

        await harness.RunAsync();

        var post = Assert.Single(await harness.Posts.GetNewestAsync(new FeedQuery()));
        Assert.Contains("teaser text survives", post.Text, StringComparison.Ordinal);
    }
}
