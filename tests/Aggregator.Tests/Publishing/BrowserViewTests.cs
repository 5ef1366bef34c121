using System.Net;
using System.Xml;
using System.Xml.Xsl;
using Xunit.Abstractions;

namespace Aggregator.Tests.Publishing;

/// <summary>Opening a feed URL in a browser shows a readable page, through the XSL stylesheet the feed references.</summary>
public sealed class BrowserViewTests(ITestOutputHelper output)
{
    private const string Hint = "copy this URL into your feed reader";

    [Theory]
    [InlineData("/api/feed")]
    [InlineData("/api/feed?format=atom")]
    [InlineData("/api/papers")]
    public async Task Chromium_OpeningTheFeed_RendersItemsSummariesAndTheSubscribeHint(string path)
    {
        var chromium = ExternalTool.Require("chromium", "chromium", output);
        if (chromium is null)
        {
            return;
        }

        await using var server = await StartAsync();
        var profile = Directory.CreateTempSubdirectory("chromium-");
        try
        {
            var result = await ExternalTool.RunAsync(
                chromium,
                [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-proxy-server",
                    "--user-data-dir=" + profile.FullName, "--dump-dom", server.Url(path).AbsoluteUri,
                ],
                TimeSpan.FromSeconds(120));
            var text = WebUtility.HtmlDecode(result.StdOut);
            output.WriteLine(result.StdOut.Length > 3000 ? result.StdOut[..3000] : result.StdOut);

            Assert.True(result.ExitCode == 0, result.StdErr);
            Assert.Contains(Hint, text, StringComparison.Ordinal);
            Assert.Contains(server.Url(path).AbsoluteUri, text, StringComparison.Ordinal);
            foreach (var title in await TitlesAsync(server, path))
            {
                Assert.Contains(title, text, StringComparison.Ordinal);
            }

            // Summaries are HTML we wrote from escaped text: the page shows them as markup, not as visible tags.
            Assert.Contains("<small>Summary by", result.StdOut, StringComparison.Ordinal);
            Assert.Contains("<article>", result.StdOut, StringComparison.Ordinal);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("/api/feed")]
    [InlineData("/api/feed?format=atom")]
    public async Task Stylesheet_TransformsTheFeedIntoAPageWithEveryItem(string path)
    {
        await using var server = await StartAsync();
        var transform = new XslCompiledTransform();
        using (var stylesheet = XmlReader.Create(await server.Client.GetStreamAsync("/api/feed.xsl")))
        {
            transform.Load(stylesheet);
        }

        using var feed = XmlReader.Create(await server.Client.GetStreamAsync(path));
        using var html = new StringWriter();
        transform.Transform(feed, null, html);
        var text = WebUtility.HtmlDecode(html.ToString());

        Assert.Contains(Hint, text, StringComparison.Ordinal);
        foreach (var title in await TitlesAsync(server, path))
        {
            Assert.Contains(title, text, StringComparison.Ordinal);
        }

        // The summary block is HTML we wrote; it is shown as markup, not as escaped text.
        Assert.Contains("<small>Summary by llm:qwen2.5-7b</small>", html.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8", "application/xml; charset=utf-8")]
    [InlineData("application/rss+xml, application/atom+xml, text/html;q=0.5", "application/rss+xml; charset=utf-8")]
    [InlineData("*/*", "application/rss+xml; charset=utf-8")]
    [InlineData(null, "application/rss+xml; charset=utf-8")]
    public async Task Feed_ForABrowserAccept_IsServedAsApplicationXmlSoTheStylesheetApplies(string? accept, string expected)
    {
        await using var server = await StartAsync();
        using var reader = await server.Client.GetAsync("/api/feed");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/feed");
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(expected, response.Content.Headers.ContentType!.ToString());
        Assert.Equal(await reader.Content.ReadAsByteArrayAsync(), await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Accept", response.Headers.Vary);
        Assert.Equal(expected == "application/xml; charset=utf-8", !Equals(reader.Headers.ETag, response.Headers.ETag));
    }

    [Fact]
    public async Task Stylesheet_IsServedAsXsl()
    {
        await using var server = await StartAsync();

        using var response = await server.Client.GetAsync("/api/feed.xsl");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xsl; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.NotNull(response.Headers.ETag);
    }

    private static Task<FeedTestServer> StartAsync() =>
        FeedTestServer.StartAsync(
            posts: [FeedFixtures.ChinesePost(), .. FeedFixtures.ManyPosts(3)],
            papers: [FeedFixtures.Paper("arxiv:2305.18290", FeedFixtures.Base, sources: 2)]);

    private static async Task<List<string>> TitlesAsync(FeedTestServer server, string path) =>
        path.StartsWith("/api/papers", StringComparison.Ordinal)
            ? (await server.Papers.GetNewestAsync(new())).Select(p => p.Title).ToList()
            : (await server.Posts.GetNewestAsync(new())).Select(p => p.Title).ToList();
}
