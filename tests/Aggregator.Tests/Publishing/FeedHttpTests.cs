using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;

namespace Aggregator.Tests.Publishing;

/// <summary>Caching and HTTP semantics: validators, conditional GET, HEAD, content coding and the render cache.</summary>
public sealed class FeedHttpTests
{
    // DedupeOptions.MaxDistance as ingestion passes it.
    private const int MaxDistance = 3;

    [Theory]
    [InlineData("/api/feed")]
    [InlineData("/api/papers?format=json")]
    public async Task Get_SendsStrongETagLastModifiedCacheControlAndVary(string url)
    {
        await using var server = await FeedTestServer.StartAsync(posts: [FeedFixtures.ChinesePost()], papers: [FeedFixtures.Paper("arxiv:2305.18290", FeedFixtures.Base, 2)]);

        using var response = await server.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Equal("public, max-age=300", response.Headers.CacheControl!.ToString());
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
    }

    [Fact]
    public async Task CacheMaxAge_IsConfigurableAndSetsTheRssTtl()
    {
        await using var server = await FeedTestServer.StartAsync(posts: [FeedFixtures.ChinesePost()], settings: new Dictionary<string, string?> { ["Publishing:CacheMaxAgeSeconds"] = "120" });

        using var response = await server.Client.GetAsync("/api/feed");
        var channel = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element("channel")!;

        Assert.Equal("public, max-age=120", response.Headers.CacheControl!.ToString());
        Assert.Equal("2", (string?)channel.Element("ttl"));
    }

    [Fact]
    public async Task IfNoneMatch_WithTheCurrentETag_Returns304WithoutBody()
    {
        await using var server = await FeedTestServer.StartAsync(posts: [FeedFixtures.ChinesePost()]);
        using var first = await server.Client.GetAsync("/api/feed");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/feed");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
    }

    [Fact]
    public async Task IfNoneMatch_AfterTheDataChanged_Returns200WithANewETag()
    {
        await using var server = await FeedTestServer.StartAsync(posts: [FeedFixtures.ChinesePost()]);
        using var first = await server.Client.GetAsync("/api/feed");
        await server.Posts.AddAsync(FeedFixtures.EnglishPost("post-en-9", FeedFixtures.Base.AddHours(1)), [], MaxDistance);
        await server.Version.BumpAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/feed");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotEqual(first.Headers.ETag, second.Headers.ETag);
        Assert.Contains("post-en-9", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IfModifiedSince_NotBeforeLastModified_Returns304AndEarlierReturns200()
    {
        await using var server = await FeedTestServer.StartAsync(posts: [FeedFixtures.ChinesePost()]);
        using var first = await server.Client.GetAsync("/api/feed");
        var lastModified = first.Content.Headers.LastModified!.Value;

        using var same = new HttpRequestMessage(HttpMethod.Get, "/api/feed");
        same.Headers.IfModifiedSince = lastModified;
        using var earlier = new HttpRequestMessage(HttpMethod.Get, "/api/feed");
        earlier.Headers.IfModifiedSince = lastModified.AddSeconds(-1);
        using var notModified = await server.Client.SendAsync(same);
        using var modified = await server.Client.SendAsync(earlier);

        Assert.Equal(FeedFixtures.Base, lastModified);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, modified.StatusCode);
    }

    [Fact]
    public async Task IfNoneMatch_Mismatching_WinsOverAMatchingIfModifiedSince()
    {
        await using var server = await FeedTestServer.StartAsync(posts: [FeedFixtures.ChinesePost()]);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/feed");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\""));
        request.Headers.IfModifiedSince = DateTimeOffset.UtcNow;
        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/feed")]
    [InlineData("/api/papers")]
    [InlineData("/api/sources.opml")]
    [InlineData("/api/feed.xsl")]
    public async Task Head_SendsTheGetHeadersWithoutBody(string url)
    {
        await using var server = await FeedTestServer.StartAsync(posts: [FeedFixtures.ChinesePost()]);
        using var get = await server.Client.GetAsync(url);
        var getBytes = await get.Content.ReadAsByteArrayAsync();

        using var head = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal(getBytes.Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("br;q=0.5, gzip;q=0.8", "gzip")]
    public async Task AcceptEncoding_ChoosesACodingAndTheBytesDecompressToTheFeed(string acceptEncoding, string expected)
    {
        await using var server = await FeedTestServer.StartAsync(posts: FeedFixtures.ManyPosts(20));
        var identity = await server.Client.GetByteArrayAsync("/api/feed");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/feed");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        using var response = await server.Client.SendAsync(request);
        var compressed = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal([expected], response.Content.Headers.ContentEncoding);
        Assert.True(compressed.Length < identity.Length / 2, $"{compressed.Length} compressed bytes of {identity.Length}");
        Assert.Equal(identity, Decompress(compressed, expected));
        Assert.Contains("Accept-Encoding", response.Headers.Vary);

        // The compressed form has its own tag, and a client holding it gets a 304.
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/feed");
        again.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await server.Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task RepeatedPolls_WithUnchangedData_ReadTheVersionOnlyAndRenderOnce()
    {
        await using var server = await FeedTestServer.StartAsync(posts: FeedFixtures.ManyPosts(10));

        var bodies = new List<byte[]>();
        for (var i = 0; i < 5; i++)
        {
            bodies.Add(await server.Client.GetByteArrayAsync("/api/feed"));
        }

        Assert.Equal(1, server.Posts.NewestCalls);
        Assert.Equal(5, server.Version.Reads);
        Assert.All(bodies, b => Assert.Equal(bodies[0], b));

        await server.Version.BumpAsync();
        await server.Client.GetByteArrayAsync("/api/feed");
        await server.Client.GetByteArrayAsync("/api/feed?format=atom");
        await server.Client.GetByteArrayAsync("/api/feed?format=atom");
        Assert.Equal(3, server.Posts.NewestCalls);
    }

    [Fact]
    public async Task ConcurrentPolls_AfterADataChange_RenderTheFeedOnce()
    {
        await using var server = await FeedTestServer.StartAsync(posts: FeedFixtures.ManyPosts(50));

        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => server.Client.GetByteArrayAsync("/api/feed")));

        Assert.Equal(1, server.Posts.NewestCalls);
        Assert.All(responses, r => Assert.Equal(responses[0], r));
    }

    [Fact]
    public async Task Post_IsRefusedWith405AndAnAllowHeader()
    {
        await using var server = await FeedTestServer.StartAsync();

        using var response = await server.Client.PostAsync("/api/feed", new StringContent(""));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task SourcesOpml_ListsEverySourceAndPointsPageSourcesAtTheirFilteredFeed()
    {
        await using var server = await FeedTestServer.StartAsync();

        using var response = await server.Client.GetAsync("/api/sources.opml");
        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;

        Assert.Equal("text/x-opml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("2.0", (string?)root.Attribute("version"));
        var outlines = root.Element("body")!.Elements("outline").ToList();
        Assert.Equal(FeedFixtures.Sources.Select(s => s.Name), outlines.Select(o => (string)o.Attribute("text")!));
        Assert.Equal("https://example.org/paperweekly.xml", (string?)outlines[0].Attribute("xmlUrl"));
        Assert.Equal(server.Url("/api/feed?source=weibo-ai").AbsoluteUri, (string?)outlines[2].Attribute("xmlUrl"));
        Assert.All(outlines, o => Assert.Equal("rss", (string?)o.Attribute("type")));
    }

    private static byte[] Decompress(byte[] bytes, string coding)
    {
        using var input = new MemoryStream(bytes);
        using Stream stream = coding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        stream.CopyTo(output);
        return output.ToArray();
    }
}
