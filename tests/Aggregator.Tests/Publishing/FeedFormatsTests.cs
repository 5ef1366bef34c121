using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace Aggregator.Tests.Publishing;

/// <summary>The three formats of the posts feed, read back over real HTTP.</summary>
public sealed class FeedFormatsTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    [Fact]
    public async Task Rss_PostFeed_HasSelfLinkTtlStylesheetAndOneItemPerPostNewestFirst()
    {
        var older = FeedFixtures.EnglishPost("post-en-1", FeedFixtures.Base.AddHours(-5));
        await using var server = await FeedTestServer.StartAsync(posts: [older, FeedFixtures.ChinesePost()]);

        using var response = await server.Client.GetAsync("/api/feed");
        var body = await response.Content.ReadAsStringAsync();
        var document = XDocument.Parse(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var stylesheet = Assert.Single(document.Nodes().OfType<XProcessingInstruction>());
        Assert.Equal("xml-stylesheet", stylesheet.Target);
        Assert.Contains("href=\"" + server.Url("/api/feed.xsl").AbsoluteUri + "\"", stylesheet.Data, StringComparison.Ordinal);
        var channel = document.Root!.Element("channel")!;
        var self = channel.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self");
        Assert.Equal(server.Url("/api/feed").AbsoluteUri, (string?)self.Attribute("href"));
        Assert.Equal("5", (string?)channel.Element("ttl"));
        Assert.Equal(["post-zh-1", "post-en-1"], channel.Elements("item").Select(i => (string)i.Element("guid")!));
    }

    [Fact]
    public async Task Rss_Item_CarriesGuidDateCreatorCategoriesSummaryAndContent()
    {
        var post = FeedFixtures.ChinesePost();
        await using var server = await FeedTestServer.StartAsync(posts: [post]);

        var item = XDocument.Parse(await server.Client.GetStringAsync("/api/feed")).Root!.Element("channel")!.Element("item")!;

        Assert.Equal(post.Title, (string?)item.Element("title"));
        Assert.Equal(post.Link, (string?)item.Element("link"));
        var guid = item.Element("guid")!;
        Assert.Equal("false", (string?)guid.Attribute("isPermaLink"));
        Assert.Equal(post.Id, guid.Value);
        var published = DateTimeOffset.ParseExact((string)item.Element("pubDate")!, "r", CultureInfo.InvariantCulture);
        Assert.Equal(post.Published, published);
        Assert.Equal("张三", (string?)item.Element(Dc + "creator"));
        var categories = item.Elements("category").Select(c => c.Value).ToList();
        Assert.Contains("PaperWeekly 公众号", categories);
        Assert.Contains("AI 微博 & friends", categories);
        Assert.Contains("arXiv:2406.05946", categories);
        Assert.Contains("摘要（LLM：qwen2.5-7b）", (string?)item.Element("description"), StringComparison.Ordinal);

        // Links come out of the publishing sanitiser with rel="noopener noreferrer": a reader's page cannot script the feed's.
        var content = (string)item.Element(Content + "encoded")!;
        Assert.Contains(FeedFixtures.Escape(FeedFixtures.TrickyText) + " bad chars removed", content, StringComparison.Ordinal);
        Assert.Contains("<h3>Papers</h3>", content, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://arxiv.org/abs/2406.05946\" rel=\"noopener noreferrer\">Multimodal &lt;Large&gt; Models &amp; Friends</a>", content, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://doi.org/10.1000/xyz\" rel=\"noopener noreferrer\">第二篇论文</a>", content, StringComparison.Ordinal);
        Assert.Contains("Also on: <a href=\"https://weibo.com/1234/Nabc\" rel=\"noopener noreferrer\">AI 微博 &amp; friends</a>", content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllFormats_TrickyCharacters_SurviveAndForbiddenOnesAreDropped()
    {
        var post = FeedFixtures.ChinesePost();
        await using var server = await FeedTestServer.StartAsync(posts: [post]);

        var rss = await server.Client.GetStringAsync("/api/feed");
        var atom = await server.Client.GetStringAsync("/api/feed?format=atom");
        var json = await server.Client.GetStringAsync("/api/feed?format=json");

        var rssItem = XDocument.Parse(rss).Root!.Element("channel")!.Element("item")!;
        var atomEntry = XDocument.Parse(atom).Root!.Element(Atom + "entry")!;
        using var jsonDocument = JsonDocument.Parse(json);
        var jsonItem = jsonDocument.RootElement.GetProperty("items")[0];
        var contents = new[]
        {
            (string)rssItem.Element(Content + "encoded")!,
            (string)atomEntry.Element(Atom + "content")!,
            jsonItem.GetProperty("content_html").GetString()!,
        };
        Assert.Equal(post.Title, (string?)rssItem.Element("title"));
        Assert.Equal(post.Title, (string?)atomEntry.Element(Atom + "title"));
        Assert.Equal(post.Title, jsonItem.GetProperty("title").GetString());
        foreach (var content in contents)
        {
            Assert.Contains(FeedFixtures.TrickyText + " bad chars removed", WebUtility.HtmlDecode(content), StringComparison.Ordinal);
            Assert.DoesNotContain('\u0001', content);
            Assert.DoesNotContain('\u000B', content);
            Assert.DoesNotContain('\uFFFE', content);
            Assert.False(content.Any(char.IsSurrogate) && !content.Contains("🚀", StringComparison.Ordinal), "a lone surrogate survived");
        }

        Assert.DoesNotContain("<![CDATA[", rss, StringComparison.Ordinal);
        Assert.Contains(FeedFixtures.TrickyText, jsonItem.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Atom_Feed_HasSelfLinkIdsDatesCategoriesAndHtmlContent()
    {
        var post = FeedFixtures.ChinesePost();
        await using var server = await FeedTestServer.StartAsync(posts: [post]);

        using var response = await server.Client.GetAsync("/api/feed?format=atom");
        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;

        Assert.Equal("application/atom+xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(Atom + "feed", root.Name);
        var self = root.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self");
        Assert.Equal(server.Url("/api/feed?format=atom").AbsoluteUri, (string?)self.Attribute("href"));
        var entry = Assert.Single(root.Elements(Atom + "entry"));
        Assert.Equal("urn:aggregator:post-zh-1", (string?)entry.Element(Atom + "id"));
        Assert.Equal(post.Link, (string?)entry.Element(Atom + "link")!.Attribute("href"));
        Assert.Equal(post.Published, DateTimeOffset.Parse((string)entry.Element(Atom + "published")!, CultureInfo.InvariantCulture));
        Assert.Equal("html", (string?)entry.Element(Atom + "content")!.Attribute("type"));
        var source = entry.Elements(Atom + "category").First(c => (string?)c.Attribute("scheme") == "source");
        Assert.Equal("paperweekly", (string?)source.Attribute("term"));
        Assert.Equal("PaperWeekly 公众号", (string?)source.Attribute("label"));
        Assert.Contains(entry.Elements(Atom + "category"), c => (string?)c.Attribute("term") == "arXiv:2406.05946");
    }

    [Fact]
    public async Task Json_Feed_IsJsonFeed11WithItemsAuthorsTagsAndDates()
    {
        var post = FeedFixtures.ChinesePost();
        await using var server = await FeedTestServer.StartAsync(posts: [post]);

        using var response = await server.Client.GetAsync("/api/feed?format=json");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;

        Assert.Equal("application/feed+json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("https://jsonfeed.org/version/1.1", root.GetProperty("version").GetString());
        Assert.Equal(server.Url("/api/feed?format=json").AbsoluteUri, root.GetProperty("feed_url").GetString());
        var item = root.GetProperty("items")[0];
        Assert.Equal("post-zh-1", item.GetProperty("id").GetString());
        Assert.Equal(post.Link, item.GetProperty("url").GetString());
        Assert.Equal(post.Published, item.GetProperty("date_published").GetDateTimeOffset());
        Assert.Equal("张三", item.GetProperty("authors")[0].GetProperty("name").GetString());
        Assert.Contains("arXiv:2406.05946", item.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.EndsWith("摘要（LLM：qwen2.5-7b）", item.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Papers_Feed_HasOneItemPerPaperWithCoverageAndAStableGuidAcrossNewMentions()
    {
        var paper = FeedFixtures.Paper("arxiv:2305.18290", FeedFixtures.Base, sources: 2);
        var older = FeedFixtures.Paper("arxiv:2401.00001", FeedFixtures.Base.AddDays(-1), sources: 1, title: "Older paper");
        await using var server = await FeedTestServer.StartAsync(papers: [older, paper]);

        var channel = XDocument.Parse(await server.Client.GetStringAsync("/api/papers")).Root!.Element("channel")!;
        var items = channel.Elements("item").ToList();
        Assert.Equal(["arxiv:2305.18290", "arxiv:2401.00001"], items.Select(i => (string)i.Element("guid")!));
        var item = items[0];
        Assert.Equal("https://arxiv.org/abs/2305.18290", (string?)item.Element("link"));
        var content = (string)item.Element(Content + "encoded")!;
        Assert.Contains("Covered by 2 sources", content, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/cover/0\" rel=\"noopener noreferrer\">", content, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/cover/1\" rel=\"noopener noreferrer\">", content, StringComparison.Ordinal);
        Assert.Contains("https://github.com/eric-mitchell/direct-preference-optimization", content, StringComparison.Ordinal);
        Assert.Contains("Rafael Rafailov, 王五", content, StringComparison.Ordinal);
        Assert.Contains("Extractive summary", (string?)item.Element("description"), StringComparison.Ordinal);

        // A third source mentions the paper: the same item (guid) is updated, not a new one added.
        var mentioned = FeedFixtures.Paper("arxiv:2305.18290", FeedFixtures.Base, sources: 3);
        await server.Papers.SaveAsync(mentioned, []);
        await server.Version.BumpAsync();
        var atom = XDocument.Parse(await server.Client.GetStringAsync("/api/papers?format=atom")).Root!;
        var entries = atom.Elements(Atom + "entry").ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal("arxiv:2305.18290", (string?)entries[0].Element(Atom + "id"));
        Assert.Equal(mentioned.Updated, DateTimeOffset.Parse((string)entries[0].Element(Atom + "updated")!, CultureInfo.InvariantCulture));
        Assert.Contains("Covered by 3 sources", (string?)entries[0].Element(Atom + "content"), StringComparison.Ordinal);
    }
}
