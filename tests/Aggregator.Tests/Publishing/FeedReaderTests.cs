using System.Net;
using System.Text.Json;
using Aggregator.Storage;
using Xunit.Abstractions;

namespace Aggregator.Tests.Publishing;

/// <summary>
/// The feeds as real readers see them: Python's feedparser, newsboat and xmllint, fetching from a loopback server.
/// Tricky text (Chinese, emoji, &amp;, &lt;, "]]&gt;") must come out of each reader as it went in.
/// </summary>
public sealed class FeedReaderTests(ITestOutputHelper output)
{
    private const string FeedparserScript = """
        import html, json, sys, feedparser
        d = feedparser.parse(sys.argv[1])
        def content(e):
            c = e.get("content")
            return c[0]["value"] if c else e.get("summary", "")
        print(json.dumps({
            "bozo": int(d.bozo),
            "error": str(d.get("bozo_exception", "")),
            "version": d.version,
            "entries": [{
                "id": e.get("id"),
                "title": e.get("title"),
                "link": e.get("link"),
                "dated": bool(e.get("published_parsed") or e.get("updated_parsed")),
                "content": html.unescape(content(e)),
            } for e in d.entries],
        }, ensure_ascii=False))
        """;

    // feedparser reads JSON Feed only from 6.1 on (Debian 12 ships 6.0.10), and newsboat not at all; the JSON format is
    // checked against the specification's fields in FeedFormatsTests instead.
    public static TheoryData<string, string> Feeds => new()
    {
        { "/api/feed", "rss20" },
        { "/api/feed?format=atom", "atom10" },
        { "/api/papers", "rss20" },
        { "/api/papers?format=atom", "atom10" },
    };

    [Theory]
    [MemberData(nameof(Feeds))]
    public async Task Feedparser_ReadsEveryItemWithoutErrors(string path, string expectedVersion)
    {
        var python = await ExternalTool.RequirePythonWithFeedparserAsync(output);
        if (python is null)
        {
            return;
        }

        await using var server = await StartAsync();
        var expected = await ExpectedItemsAsync(server, path);

        var result = await ExternalTool.RunAsync(python, ["-c", FeedparserScript, server.Url(path).AbsoluteUri], TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, result.StdErr);
        using var parsed = JsonDocument.Parse(result.StdOut);
        var root = parsed.RootElement;

        Assert.True(root.GetProperty("bozo").GetInt32() == 0, root.GetProperty("error").GetString());
        Assert.Equal(expectedVersion, root.GetProperty("version").GetString());
        var entries = root.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(expected.Select(e => e.Title), entries.Select(e => e.GetProperty("title").GetString()));
        Assert.Equal(expected.Select(e => e.Link), entries.Select(e => e.GetProperty("link").GetString()));
        Assert.All(entries, e => Assert.True(e.GetProperty("dated").GetBoolean(), "an entry has no date"));
        Assert.Contains(entries, e => e.GetProperty("content").GetString()!.Contains(FeedFixtures.TrickyText, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/feed")]
    [InlineData("/api/feed?format=atom")]
    [InlineData("/api/papers")]
    [InlineData("/api/papers?format=atom")]
    public async Task Newsboat_ReloadStoresEveryItem(string path)
    {
        var newsboat = ExternalTool.Require("newsboat", "newsboat", output);
        var sqlite = ExternalTool.Require("sqlite3", "sqlite3", output);
        if (newsboat is null || sqlite is null)
        {
            return;
        }

        await using var server = await StartAsync();
        var expected = await ExpectedItemsAsync(server, path);
        var home = Directory.CreateTempSubdirectory("newsboat-");
        try
        {
            var urls = Path.Combine(home.FullName, "urls");
            var cache = Path.Combine(home.FullName, "cache.db");
            var config = Path.Combine(home.FullName, "config");
            await File.WriteAllTextAsync(urls, server.Url(path).AbsoluteUri + "\n");
            await File.WriteAllTextAsync(config, "");
            var environment = new Dictionary<string, string> { ["HOME"] = home.FullName, ["XDG_CONFIG_HOME"] = home.FullName, ["XDG_DATA_HOME"] = home.FullName };

            var reload = await ExternalTool.RunAsync(newsboat, ["-u", urls, "-c", cache, "-C", config, "-x", "reload"], TimeSpan.FromSeconds(60), environment);
            Assert.True(reload.ExitCode == 0, reload.StdErr + reload.StdOut);
            var query = await ExternalTool.RunAsync(sqlite, ["-json", cache, "select guid, title, url, pubDate, content from rss_item order by pubDate desc"], TimeSpan.FromSeconds(30));
            Assert.True(query.ExitCode == 0, query.StdErr);

            using var rows = JsonDocument.Parse(query.StdOut.Length == 0 ? "[]" : query.StdOut);
            var items = rows.RootElement.EnumerateArray().ToList();
            Assert.Equal(expected.Select(e => e.Title).Order(StringComparer.Ordinal), items.Select(i => i.GetProperty("title").GetString()!).Order(StringComparer.Ordinal));
            Assert.Equal(expected.Select(e => e.Link).Order(StringComparer.Ordinal), items.Select(i => i.GetProperty("url").GetString()!).Order(StringComparer.Ordinal));
            Assert.All(items, i => Assert.True(i.GetProperty("pubDate").GetInt64() > 0, "an item has no date"));
            Assert.Contains(items, i => WebUtility.HtmlDecode(i.GetProperty("content").GetString()!).Contains(FeedFixtures.TrickyText, StringComparison.Ordinal));
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("/api/feed")]
    [InlineData("/api/feed?format=atom")]
    [InlineData("/api/papers")]
    [InlineData("/api/papers?format=atom")]
    [InlineData("/api/sources.opml")]
    [InlineData("/api/feed.xsl")]
    public async Task Xmllint_FindsTheDocumentWellFormed(string path)
    {
        var xmllint = ExternalTool.Require("xmllint", "libxml2-utils", output);
        if (xmllint is null)
        {
            return;
        }

        await using var server = await StartAsync();
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, await server.Client.GetByteArrayAsync(path));
            var result = await ExternalTool.RunAsync(xmllint, ["--noout", "--nonet", file], TimeSpan.FromSeconds(30));
            Assert.True(result.ExitCode == 0 && result.StdErr.Length == 0, result.StdErr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Task<FeedTestServer> StartAsync() =>
        FeedTestServer.StartAsync(
            posts: [FeedFixtures.ChinesePost(), .. FeedFixtures.ManyPosts(4)],
            papers:
            [
                FeedFixtures.Paper("arxiv:2305.18290", FeedFixtures.Base, sources: 3, title: "DPO: " + FeedFixtures.TrickyText),
                FeedFixtures.Paper("arxiv:2401.00001", FeedFixtures.Base.AddHours(-3), sources: 1),
            ]);

    /// <summary>What the store holds for the feed at <paramref name="path"/>, in feed order.</summary>
    private static async Task<List<(string Title, string Link)>> ExpectedItemsAsync(FeedTestServer server, string path)
    {
        var query = new FeedQuery();
        return path.StartsWith("/api/papers", StringComparison.Ordinal)
            ? (await server.Papers.GetNewestAsync(query)).Select(p => (p.Title, p.CanonicalUrl)).ToList()
            : (await server.Posts.GetNewestAsync(query)).Select(p => (p.Title, p.Link)).ToList();
    }
}
