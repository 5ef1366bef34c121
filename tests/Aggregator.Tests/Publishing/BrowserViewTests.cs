using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Xsl;
using Aggregator.Publishing;
using Aggregator.Testing.Azurite;
using Xunit.Abstractions;

namespace Aggregator.Tests.Publishing;

/// <summary>
/// Opening a feed URL in a browser shows a page rendered on the server from the same sanitised items (no XSLT), while
/// readers keep getting the feed; a URL naming its format still gets the feed, with the stylesheet for browsers that
/// apply it. The page is checked in a real headless Chromium, over the app as <c>serve</c> composes it, on Azurite.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class BrowserViewTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string XslHint = "copy this URL into your feed reader";

    [Theory]
    [InlineData("/api/feed", "feed")]
    [InlineData("/api/papers", "papers")]
    public async Task Chromium_OpeningTheFeed_ShowsTheServerRenderedPageWithItemsLinksChineseTextAndACopyButton(string path, string name)
    {
        var chromium = ExternalTool.Require("chromium", "chromium", output);
        if (chromium is null)
        {
            return;
        }

        await using var app = await StartServedAsync();
        var url = app.Url(path).AbsoluteUri;

        var dom = await ChromiumAsync(chromium, "--dump-dom", url);
        var text = WebUtility.HtmlDecode(dom);
        output.WriteLine(dom.Length > 3000 ? dom[..3000] : dom);

        // The subscribe box: the URL itself, for a reader, and the button that copies it.
        Assert.Contains(HtmlPageWriter.SubscribeHint, text, StringComparison.Ordinal);
        Assert.Matches("<input[^>]*id=\"subscribe-url\"[^>]*value=\"" + Regex.Escape(url) + "\"", dom);
        Assert.Matches("<button[^>]*id=\"copy-subscribe-url\"", dom);
        if (name == "feed")
        {
            foreach (var post in Posts())
            {
                Assert.Contains(post.Title, text, StringComparison.Ordinal);
                Assert.Contains("href=\"" + post.Link + "\"", dom, StringComparison.Ordinal);
            }

            // The Chinese post is marked as Chinese (fonts, line breaking), its summary labelled in Chinese, its papers linked.
            Assert.Matches("<article lang=\"zh\"><h2><a href=\"https://mp.weixin.qq.com/s/AbCdEf123\"", dom);
            Assert.Contains("摘要（LLM：qwen2.5-7b）", text, StringComparison.Ordinal);
            Assert.Contains("href=\"https://arxiv.org/abs/2406.05946\"", dom, StringComparison.Ordinal);
            Assert.Contains("<article lang=\"en\">", dom, StringComparison.Ordinal);
            Assert.Contains("Extractive summary", text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("Direct Preference Optimization", text, StringComparison.Ordinal);
            Assert.Contains("href=\"https://arxiv.org/abs/2305.18290\"", dom, StringComparison.Ordinal);
            Assert.Contains("王五", text, StringComparison.Ordinal);
        }

        foreach (var (theme, flags) in new[] { ("light", Array.Empty<string>()), ("dark", ["--force-dark-mode", "--blink-settings=preferredColorScheme=0"]) })
        {
            var png = Path.Combine(AppContext.BaseDirectory, "screenshots", $"browser-view-{name}-{theme}.png");
            Directory.CreateDirectory(Path.GetDirectoryName(png)!);
            File.Delete(png);
            await ChromiumAsync(chromium, [.. flags, "--window-size=1100,1600", "--hide-scrollbars", "--screenshot=" + png], url);
            Assert.True(File.Exists(png) && new FileInfo(png).Length > 10_000, $"no screenshot at {png}");
            output.WriteLine($"Screenshot ({theme}): {png}");
        }
    }

    [Fact]
    public async Task Chromium_OpeningAFeedThatNamesItsFormat_StillAppliesTheStylesheet()
    {
        var chromium = ExternalTool.Require("chromium", "chromium", output);
        if (chromium is null)
        {
            return;
        }

        await using var server = await StartAsync();
        var url = server.Url("/api/feed?format=atom").AbsoluteUri;

        var dom = await ChromiumAsync(chromium, "--dump-dom", url);
        var text = WebUtility.HtmlDecode(dom);

        Assert.Contains(XslHint, text, StringComparison.Ordinal);
        Assert.Contains(url, text, StringComparison.Ordinal);
        foreach (var title in (await server.Posts.GetNewestAsync(new())).Select(p => p.Title))
        {
            Assert.Contains(title, text, StringComparison.Ordinal);
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

        Assert.Contains(XslHint, text, StringComparison.Ordinal);
        foreach (var title in (await server.Posts.GetNewestAsync(new())).Select(p => p.Title))
        {
            Assert.Contains(title, text, StringComparison.Ordinal);
        }

        // The summary block is HTML we wrote; it is shown as markup, not as escaped text.
        Assert.Contains("<small>摘要（LLM：qwen2.5-7b）</small>", html.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/feed", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8", "text/html; charset=utf-8")]
    [InlineData("/api/papers", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html; charset=utf-8")]
    [InlineData("/api/feed?format=rss", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/xml; charset=utf-8")]
    [InlineData("/api/feed?format=json", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/feed+json; charset=utf-8")]
    [InlineData("/api/feed", "application/rss+xml, application/atom+xml, text/html;q=0.5", "application/rss+xml; charset=utf-8")]
    [InlineData("/api/feed", "*/*", "application/rss+xml; charset=utf-8")]
    [InlineData("/api/feed", null, "application/rss+xml; charset=utf-8")]
    public async Task Feed_ForABrowser_IsThePageAndForAReaderOrANamedFormatIsTheFeed(string path, string? accept, string expected)
    {
        await using var server = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await server.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType!.ToString());
        // JSON Feed has no other representation at its URL; the default URL is the feed or the page by Accept.
        Assert.Equal(!path.Contains("json", StringComparison.Ordinal), response.Headers.Vary.Contains("Accept"));
        Assert.Equal(expected.StartsWith("text/html", StringComparison.Ordinal), body.StartsWith("<!DOCTYPE html>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Page_AllowsOnlyItsOwnInlineStyleAndScriptAndLoadsNothingExternal()
    {
        await using var server = await StartAsync();
        using var response = await BrowserGetAsync(server, "/api/feed");
        var page = await response.Content.ReadAsStringAsync();
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));

        var style = Assert.Single(Regex.Matches(page, "<style>(.*?)</style>", RegexOptions.Singleline)).Groups[1].Value;
        var script = Assert.Single(Regex.Matches(page, "<script>(.*?)</script>", RegexOptions.Singleline)).Groups[1].Value;
        Assert.Contains($"style-src '{Sha256(style)}'", policy, StringComparison.Ordinal);
        Assert.Contains($"script-src '{Sha256(script)}'", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotMatch("<script[^>]+src=", page);
        Assert.DoesNotMatch("<link[^>]+rel=\"stylesheet\"", page);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Page_EncodesTextAndGivesEachItemItsLanguage()
    {
        await using var server = await StartAsync();
        using var response = await BrowserGetAsync(server, "/api/feed");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Contains("ICML 2024 | 多模态大模型新进展 🚀 &amp; &lt;更多&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<更多>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<tag>", page, StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(page, "<article lang=\"zh\">"));
        Assert.Equal(3, Regex.Count(page, "<article lang=\"en\">"));
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_AndFeed_HaveTheirOwnValidators()
    {
        await using var server = await StartAsync();
        using var page = await BrowserGetAsync(server, "/api/feed");
        using var feed = await server.Client.GetAsync("/api/feed");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/feed");
        again.Headers.TryAddWithoutValidation("Accept", "text/html");
        again.Headers.TryAddWithoutValidation("If-None-Match", page.Headers.ETag!.Tag);

        using var notModified = await server.Client.SendAsync(again);

        Assert.NotEqual(page.Headers.ETag, feed.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
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

    private static List<Aggregator.Storage.Post> Posts() => [FeedFixtures.ChinesePost(), .. FeedFixtures.ManyPosts(3)];

    private async Task<ServedApp> StartServedAsync()
    {
        var app = await ServedApp.StartAsync(azurite.ConnectionString);
        await app.SeedAsync(Posts(), [FeedFixtures.Paper("arxiv:2305.18290", FeedFixtures.Base, sources: 2)]);
        return app;
    }

    private static Task<FeedTestServer> StartAsync() =>
        FeedTestServer.StartAsync(
            posts: Posts(),
            papers: [FeedFixtures.Paper("arxiv:2305.18290", FeedFixtures.Base, sources: 2)]);

    private static Task<HttpResponseMessage> BrowserGetAsync(FeedTestServer server, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return server.Client.SendAsync(request);
    }

    private static async Task<string> ChromiumAsync(string chromium, string flag, string url) =>
        await ChromiumAsync(chromium, [flag], url);

    private static async Task<string> ChromiumAsync(string chromium, string[] flags, string url)
    {
        var profile = Directory.CreateTempSubdirectory("chromium-");
        try
        {
            var result = await ExternalTool.RunAsync(
                chromium,
                [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-proxy-server",
                    "--user-data-dir=" + profile.FullName, .. flags, url,
                ],
                TimeSpan.FromSeconds(120));
            Assert.True(result.ExitCode == 0, result.StdErr);
            return result.StdOut;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    private static string Sha256(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
