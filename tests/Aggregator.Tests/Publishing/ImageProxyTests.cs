using System.Net;
using Aggregator.Publishing.Images;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Tests.Publishing;

/// <summary>The signed image proxy, against an image host on loopback.</summary>
public sealed class ImageProxyTests
{
    private const string Key = "test-signing-key";

    [Fact]
    public async Task SignedUrl_WithLoopbackAllowedForTests_FetchesWithTheHostsRefererAndCaches()
    {
        await using var origin = await ImageOriginServer.StartAsync();
        await using var server = await StartProxyAsync(allowLoopback: true);
        // "localhost" stands in for wx1.sinaimg.cn: it resolves through DNS like the real host, and gets Weibo's Referer.
        var imageUrl = $"http://localhost:{origin.Port}/large/photo.jpg";

        using var first = await server.Client.GetAsync(ProxyPath(server, imageUrl));
        using var second = await server.Client.GetAsync(ProxyPath(server, imageUrl));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("image/jpeg", first.Content.Headers.ContentType!.MediaType);
        Assert.Equal(ImageOriginServer.Jpeg, await first.Content.ReadAsByteArrayAsync());
        Assert.Equal("public, max-age=31536000, immutable", first.Headers.CacheControl!.ToString());
        Assert.Equal(ImageOriginServer.Jpeg, await second.Content.ReadAsByteArrayAsync());
        var request = Assert.Single(origin.Requests);
        Assert.Equal("https://weibo.com/", request.Referer);
        Assert.NotNull(await server.Services.GetRequiredService<IImageCache>().GetAsync(ImageUrlSigner.CacheKey(imageUrl)));
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/large/photo.jpg")]
    [InlineData("http://localhost:{port}/large/photo.jpg")]
    [InlineData("http://[::1]:{port}/large/photo.jpg")]
    [InlineData("http://[::ffff:127.0.0.1]:{port}/large/photo.jpg")]
    public async Task Loopback_ByDefault_IsRefusedBeforeConnecting(string template)
    {
        await using var origin = await ImageOriginServer.StartAsync();
        await using var server = await StartProxyAsync(allowLoopback: false);

        using var response = await server.Client.GetAsync(ProxyPath(server, template.Replace("{port}", origin.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("loopback", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(origin.Requests);
    }

    [Theory]
    [InlineData("/page.html", "not an image")]
    [InlineData("/drawing.svg", "not an image")]
    [InlineData("/huge.png", "larger than the proxy's limit")]
    [InlineData("/huge-chunked.png", "larger than the proxy's limit")]
    public async Task UnacceptableResponse_IsRefusedWith403AndAReason(string path, string reason)
    {
        await using var origin = await ImageOriginServer.StartAsync();
        await using var server = await StartProxyAsync(allowLoopback: true);

        using var response = await server.Client.GetAsync(ProxyPath(server, $"http://127.0.0.1:{origin.Port}{path}"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TamperedOrMissingSignature_IsRefused()
    {
        await using var origin = await ImageOriginServer.StartAsync();
        await using var server = await StartProxyAsync(allowLoopback: true);
        var signer = server.Services.GetRequiredService<ImageUrlSigner>();
        var good = $"http://127.0.0.1:{origin.Port}/large/photo.jpg";
        var other = $"http://127.0.0.1:{origin.Port}/page.html";

        using var tampered = await server.Client.GetAsync($"/api/image?url={Uri.EscapeDataString(other)}&sig={signer.Sign(good)}");
        using var forged = await server.Client.GetAsync($"/api/image?url={Uri.EscapeDataString(good)}&sig=AAAAAAAAAAAAAAAAAAAAAA");
        using var unsigned = await server.Client.GetAsync($"/api/image?url={Uri.EscapeDataString(good)}");

        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("sig does not match", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
        Assert.Empty(origin.Requests);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.org/a.jpg")]
    [InlineData("/relative.jpg")]
    public async Task SignedNonHttpUrl_IsRefusedWith400(string url)
    {
        await using var server = await StartProxyAsync(allowLoopback: true);

        using var response = await server.Client.GetAsync(ProxyPath(server, url));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("http or https", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutSigningKey_TheProxyIsOffAndFeedsKeepOriginalImageUrls()
    {
        await using var server = await FeedTestServer.StartAsync(posts: [FeedFixtures.ChinesePost()]);

        using var response = await server.Client.GetAsync("/api/image?url=x&sig=y");
        var feed = await server.Client.GetStringAsync("/api/feed");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("IMAGE_PROXY_SIGNING_KEY", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("https://wx2.sinaimg.cn/large/abc123.jpg", feed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedHtml_WithProxyOn_RewritesWeiboAndWeChatImagesToSignedProxyUrls()
    {
        await using var server = await StartProxyAsync(allowLoopback: false, posts: [FeedFixtures.ChinesePost()]);
        var signer = server.Services.GetRequiredService<ImageUrlSigner>();

        var feed = WebUtility.HtmlDecode(await server.Client.GetStringAsync("/api/feed?format=json"));

        var weibo = "https://wx2.sinaimg.cn/large/abc123.jpg";
        var wechat = "https://mmbiz.qpic.cn/mmbiz_jpg/xyz/640?wx_fmt=jpeg";
        Assert.Contains(server.Url("/api/image").AbsoluteUri + "?url=" + Uri.EscapeDataString(weibo) + "&sig=" + signer.Sign(weibo), feed, StringComparison.Ordinal);
        Assert.Contains("?url=" + Uri.EscapeDataString(wechat) + "&sig=" + signer.Sign(wechat), feed, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\\\"https://wx2.sinaimg.cn", feed, StringComparison.Ordinal);
        Assert.Contains("https://example.org/ordinary.png", feed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedHtml_WithProxyDisabled_KeepsOriginalImageUrls()
    {
        await using var server = await FeedTestServer.StartAsync(
            posts: [FeedFixtures.ChinesePost()],
            settings: new Dictionary<string, string?> { ["IMAGE_PROXY_SIGNING_KEY"] = Key, ["IMAGE_PROXY_ENABLED"] = "false" });

        var feed = await server.Client.GetStringAsync("/api/feed");

        Assert.DoesNotContain("/api/image?", feed, StringComparison.Ordinal);
        Assert.Contains("https://wx2.sinaimg.cn/large/abc123.jpg", feed, StringComparison.Ordinal);
    }

    private static Task<FeedTestServer> StartProxyAsync(bool allowLoopback, IEnumerable<Aggregator.Storage.Post>? posts = null) =>
        FeedTestServer.StartAsync(posts: posts, settings: new Dictionary<string, string?>
        {
            ["IMAGE_PROXY_SIGNING_KEY"] = Key,
            ["ImageProxy:AllowLoopbackForTests"] = allowLoopback ? "true" : "false",
            ["ImageProxy:MaxBytes"] = (5 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ImageProxy:Referers:localhost"] = "https://weibo.com/",
        });

    private static string ProxyPath(FeedTestServer server, string imageUrl)
    {
        var signer = server.Services.GetRequiredService<ImageUrlSigner>();
        return $"/api/image?url={Uri.EscapeDataString(imageUrl)}&sig={signer.Sign(imageUrl)}";
    }
}
