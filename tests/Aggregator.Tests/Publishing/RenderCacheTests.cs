using System.Net;
using System.Xml.Linq;
using Aggregator.Publishing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aggregator.Tests.Publishing;

/// <summary>
/// The render cache cannot be flooded: spellings of one request share a rendering, client-chosen Host headers get a
/// bounded number of renderings, and the cache holds at most its configured entries and bytes.
/// </summary>
public sealed class RenderCacheTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task CaseVariantsOfTheKeyword_ShareOneRenderingAndOneSelfLink()
    {
        await using var server = await FeedTestServer.StartAsync(posts: FeedFixtures.ManyPosts(5));
        var cache = server.Services.GetRequiredService<RenderedResourceCache>();

        var responses = new List<HttpResponseMessage>();
        foreach (var query in new[] { "?q=Post", "?q=post", "?q=POST", "?Q=pOsT", "?q=%20post%20" })
        {
            responses.Add(await server.Client.GetAsync("/api/feed" + query));
        }

        Assert.All(responses, r => Assert.Equal(responses[0].Headers.ETag, r.Headers.ETag));
        Assert.Equal(1, server.Posts.NewestCalls);
        Assert.Equal(1, cache.Count);
        var self = XDocument.Parse(await responses[3].Content.ReadAsStringAsync()).Root!.Element("channel")!.Element(Atom + "link")!;
        Assert.Equal(server.Url("/api/feed?q=post").AbsoluteUri, (string?)self.Attribute("href"));
        responses.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task ArbitraryHostHeaders_GetABoundedNumberOfRenderings()
    {
        await using var server = await FeedTestServer.StartAsync(posts: FeedFixtures.ManyPosts(5));
        var cache = server.Services.GetRequiredService<RenderedResourceCache>();
        var max = server.Services.GetRequiredService<IOptions<PublishingOptions>>().Value.MaxSiteAddresses;
        var first = await SelfLinkAsync(server, "feeds.example.org");

        for (var i = 0; i < 512; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/feed");
            request.Headers.Host = $"h{i}.example.org";
            using var response = await server.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.InRange(cache.Count, 1, max);
        Assert.InRange(server.Posts.NewestCalls, 1, max);
        // Hosts past the bound are answered as the first one seen, not with links of their own choosing.
        Assert.Equal("http://feeds.example.org/api/feed", first);
        Assert.Equal(first, await SelfLinkAsync(server, "h9999.evil.example"));
    }

    [Theory]
    [InlineData("FEEDS.Example.ORG")]
    [InlineData("feeds.example.org:80")]
    [InlineData("feeds.example.org.")]
    public async Task SpellingsOfOneHost_ShareOneRendering(string host)
    {
        await using var server = await FeedTestServer.StartAsync(posts: FeedFixtures.ManyPosts(2));

        var canonical = await SelfLinkAsync(server, "feeds.example.org");
        var variant = await SelfLinkAsync(server, host);

        Assert.Equal(canonical, variant);
        Assert.Equal(1, server.Posts.NewestCalls);
    }

    [Fact]
    public async Task PublicBaseUrl_WhenConfigured_IsUsedWhateverTheHost()
    {
        await using var server = await FeedTestServer.StartAsync(
            posts: FeedFixtures.ManyPosts(2),
            settings: new Dictionary<string, string?> { ["Publishing:PublicBaseUrl"] = "https://feeds.example.org/" });

        Assert.Equal("https://feeds.example.org/api/feed", await SelfLinkAsync(server, "anything.example"));
        Assert.Equal("https://feeds.example.org/api/feed", await SelfLinkAsync(server, "else.example"));
        Assert.Equal(1, server.Posts.NewestCalls);
    }

    [Fact]
    public async Task ManyDistinctQueries_AreAllAnsweredWithinTheEntryLimit()
    {
        await using var server = await FeedTestServer.StartAsync(
            posts: FeedFixtures.ManyPosts(20),
            settings: new Dictionary<string, string?> { ["Publishing:RenderCacheEntries"] = "16" });
        var cache = server.Services.GetRequiredService<RenderedResourceCache>();

        for (var i = 0; i < 200; i++)
        {
            using var response = await server.Client.GetAsync($"/api/feed?q=number%20{i % 20:D3}&limit={1 + (i / 20)}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.InRange(cache.Count, 1, 16);
        }

        Assert.Equal(200, server.Posts.NewestCalls);
    }

    [Fact]
    public void Cache_KeepsAtMostItsEntriesAndBytes_EvictingTheLeastRecentlyUsed()
    {
        using var cache = new RenderedResourceCache(Options.Create(new PublishingOptions { RenderCacheEntries = 4, RenderCacheBytes = 1_000_000 }));
        for (var i = 0; i < 4; i++)
        {
            cache.Set($"k{i}", "v1", Resource(1000));
        }

        Assert.True(cache.TryGet("k0", "v1", out _));
        cache.Set("k4", "v1", Resource(1000));

        Assert.Equal(4, cache.Count);
        Assert.True(cache.TryGet("k0", "v1", out _));
        Assert.False(cache.TryGet("k1", "v1", out _));

        using var small = new RenderedResourceCache(Options.Create(new PublishingOptions { RenderCacheEntries = 100, RenderCacheBytes = 10_000 }));
        for (var i = 0; i < 50; i++)
        {
            small.Set($"k{i}", "v1", Resource(1000));
            Assert.InRange(small.Bytes, 0, 10_000);
        }

        Assert.InRange(small.Count, 1, 10);
        Assert.True(small.TryGet("k49", "v1", out _));
    }

    [Fact]
    public void Cache_KeepsTheLatestRenderingOfAVariantAcrossVersions()
    {
        using var cache = new RenderedResourceCache(Options.Create(new PublishingOptions()));
        var old = Resource(100);
        cache.Set("feed", "v1", old);
        cache.Set("feed", "v2", Resource(200));

        Assert.False(cache.TryGet("feed", "v1", out _));
        Assert.True(cache.TryGet("feed", "v2", out var current));
        Assert.True(cache.TryGetLatest("feed", out var latest));
        Assert.Same(current, latest);
        Assert.Equal(1, cache.Count);
        Assert.Equal(current!.EstimatedSize, cache.Bytes);
    }

    private static RenderedResource Resource(int bytes) => new(Enumerable.Repeat((byte)'x', bytes).Select((b, i) => (byte)(b + (i % 7))).ToArray(), "text/plain", null);

    private static async Task<string?> SelfLinkAsync(FeedTestServer server, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/feed");
        request.Headers.Host = host;
        using var response = await server.Client.SendAsync(request);
        var channel = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element("channel")!;
        return (string?)channel.Element(Atom + "link")!.Attribute("href");
    }
}
