using System.Net;
using System.Xml.Linq;

namespace Aggregator.Tests.Publishing;

/// <summary>Query-string filters, and the 400 a bad value gets instead of an empty feed.</summary>
public sealed class FeedQueryTests
{
    [Fact]
    public async Task Source_Filter_KeepsOnlyThatSourcesPostsAndNamesItInTheTitle()
    {
        await using var server = await FeedTestServer.StartAsync(posts: [FeedFixtures.ChinesePost(), FeedFixtures.EnglishPost("post-en-1", FeedFixtures.Base.AddHours(-1))]);

        var channel = await ChannelAsync(server, "/api/feed?source=hf-blog");

        Assert.Equal(["post-en-1"], Guids(channel));
        Assert.EndsWith("Hugging Face Blog", (string?)channel.Element("title"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("q=%E5%A4%9A%E6%A8%A1%E6%80%81", "post-zh-1")] // 多模态
    [InlineData("q=dpo", "post-en-1")]
    [InlineData("q=DPO", "post-en-1")]
    public async Task Keyword_Filter_IsCaseInsensitiveAndWorksForChinese(string query, string expected)
    {
        await using var server = await FeedTestServer.StartAsync(posts: [FeedFixtures.ChinesePost(), FeedFixtures.EnglishPost("post-en-1", FeedFixtures.Base.AddHours(-1))]);

        Assert.Equal([expected], Guids(await ChannelAsync(server, "/api/feed?" + query)));
    }

    [Theory]
    [InlineData("since=2024-06-10", 2)]
    [InlineData("since=2024-06-10T07:30:00Z", 1)]
    [InlineData("since=2024-06-10T15:30:00+08:00", 1)] // '+' unencoded arrives as a space; it still means +08:00
    [InlineData("since=2024-06-10T15:30:00%2B08:00", 1)]
    [InlineData("since=2024-06-11", 0)]
    public async Task Since_Filter_AcceptsIsoDatesAndDateTimes(string query, int expected)
    {
        await using var server = await FeedTestServer.StartAsync(posts: [FeedFixtures.ChinesePost(), FeedFixtures.EnglishPost("post-en-1", FeedFixtures.Base.AddHours(-1))]);

        Assert.Equal(expected, Guids(await ChannelAsync(server, "/api/feed?" + query)).Count);
    }

    [Theory]
    [InlineData("", 50)]
    [InlineData("?limit=3", 3)]
    [InlineData("?limit=200", 60)]
    public async Task Limit_DefaultsTo50AndCapsTheItemCount(string query, int expected)
    {
        await using var server = await FeedTestServer.StartAsync(posts: FeedFixtures.ManyPosts(60));

        Assert.Equal(expected, Guids(await ChannelAsync(server, "/api/feed" + query)).Count);
    }

    [Fact]
    public async Task MinSources_Filter_KeepsPapersCoveredByEnoughSources()
    {
        await using var server = await FeedTestServer.StartAsync(papers:
        [
            FeedFixtures.Paper("arxiv:2401.00001", FeedFixtures.Base, sources: 1),
            FeedFixtures.Paper("arxiv:2401.00002", FeedFixtures.Base.AddHours(-1), sources: 3),
        ]);

        Assert.Equal(["arxiv:2401.00002"], Guids(await ChannelAsync(server, "/api/papers?min_sources=2")));
    }

    [Theory]
    [InlineData("/api/feed?limit=0", "limit must be an integer from 1 to 200")]
    [InlineData("/api/feed?limit=201", "limit must be an integer from 1 to 200")]
    [InlineData("/api/feed?limit=ten", "limit must be an integer from 1 to 200")]
    [InlineData("/api/feed?limit=1&limit=2", "limit must be given at most once")]
    [InlineData("/api/feed?format=xml", "format must be rss (the default), atom or json")]
    [InlineData("/api/feed?since=yesterday", "since must be an ISO 8601 date")]
    [InlineData("/api/feed?since=2024-13-01", "since must be an ISO 8601 date")]
    [InlineData("/api/feed?source=nope", "source must be the id of a configured source: hf-blog, paperweekly, weibo-ai")]
    [InlineData("/api/papers?min_sources=0", "min_sources must be an integer from 1 to 1000")]
    [InlineData("/api/papers?min_sources=-1", "min_sources must be an integer from 1 to 1000")]
    public async Task BadValue_Returns400PlainTextSayingWhatIsAccepted(string url, string message)
    {
        await using var server = await FeedTestServer.StartAsync(posts: [FeedFixtures.ChinesePost()]);

        using var response = await server.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.StartsWith(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, server.Posts.NewestCalls + server.Papers.NewestCalls);
    }

    [Fact]
    public async Task UnknownParameters_AreIgnoredAndShareTheCachedRendering()
    {
        await using var server = await FeedTestServer.StartAsync(posts: [FeedFixtures.ChinesePost()]);

        using var plain = await server.Client.GetAsync("/api/feed");
        using var tracked = await server.Client.GetAsync("/api/feed?utm_source=x&limit=50&min_sources=7");

        Assert.Equal(HttpStatusCode.OK, tracked.StatusCode);
        Assert.Equal(plain.Headers.ETag, tracked.Headers.ETag);
        Assert.Equal(1, server.Posts.NewestCalls);
    }

    private static async Task<XElement> ChannelAsync(FeedTestServer server, string url)
    {
        using var response = await server.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element("channel")!;
    }

    private static List<string> Guids(XElement channel) => channel.Elements("item").Select(i => (string)i.Element("guid")!).ToList();
}
