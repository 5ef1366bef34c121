using System.Globalization;
using System.Net;
using Aggregator.Publishing.Images;
using Aggregator.Testing.Http;
using Aggregator.Tests.Fetching;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Tests.Publishing.Images;

/// <summary>
/// What the proxy refuses to fetch even with a valid signature: internal addresses on any hop, and origins that take too
/// long. Loopback origins are opted into per test; the other internal ranges are refused regardless.
/// </summary>
public sealed class ImageProxyRefusalTests
{
    private const string Key = "refusal-tests-signing-key";

    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Theory]
    [InlineData("http://10.0.0.1/a.png", "10.0.0.1 is a private address")]
    [InlineData("http://192.168.0.10/a.png", "192.168.0.10 is a private address")]
    [InlineData("http://169.254.169.254/latest/meta-data/iam", "169.254.169.254 is a link-local address (where cloud metadata endpoints live)")]
    [InlineData("http://100.64.1.1/a.png", "100.64.1.1 is a carrier-grade NAT (100.64.0.0/10) address")]
    [InlineData("http://[fd12::1]/a.png", "fd12::1 is a private (unique local) address")]
    [InlineData("http://[::ffff:169.254.169.254]/a.png", "::ffff:169.254.169.254 is a link-local address (where cloud metadata endpoints live)")]
    public async Task SignedUrl_ToAnInternalAddress_IsRefusedWith403EvenWithLoopbackAllowed(string url, string reason)
    {
        await using var proxy = await StartProxyAsync(allowLoopback: true);

        using var response = await proxy.Client.GetAsync(ProxyPath(proxy, url));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal($"Refused: {reason}.", (await response.Content.ReadAsStringAsync()).Trim());
    }

    [Fact]
    public async Task RedirectHop_ToAnInternalAddress_IsRefusedAndNeverRequested()
    {
        await using var origin = await LoopbackServer.StartAsync();
        await using var secret = await InternalService.StartAsync();
        origin.Map("/a.png", LoopbackResponse.Redirect(secret.Url("/secret").AbsoluteUri));
        await using var proxy = await StartProxyAsync(allowLoopback: true);

        using var response = await proxy.Client.GetAsync(ProxyPath(proxy, origin.Url("/a.png").AbsoluteUri));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Refused: 127.0.0.2 is a loopback address.", (await response.Content.ReadAsStringAsync()).Trim());
        Assert.Single(origin.Requests);
        Assert.Equal(0, InternalService.RequestsAfterProbe(secret));
    }

    [Fact]
    public async Task RedirectHop_ToAnImageOnAnAllowedHost_IsFollowed()
    {
        await using var origin = await LoopbackServer.StartAsync();
        origin.Map("/moved.png", LoopbackResponse.Redirect("/a.png"));
        origin.Map("/a.png", LoopbackResponse.Bytes(Png, "image/png"));
        await using var proxy = await StartProxyAsync(allowLoopback: true);

        using var response = await proxy.Client.GetAsync(ProxyPath(proxy, origin.Url("/moved.png").AbsoluteUri));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Png, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ImageBody_ThatTrickles_IsCutOffAtTheDeadlineWith502()
    {
        await using var origin = await LoopbackServer.StartAsync();
        origin.Map("/slow.png", LoopbackResponse.Slow(bytesPerSecond: 1, totalBytes: 70, "image/png"));
        await using var proxy = await StartProxyAsync(allowLoopback: true, timeout: TimeSpan.FromSeconds(1));

        using var response = await proxy.Client.GetAsync(ProxyPath(proxy, origin.Url("/slow.png").AbsoluteUri));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("Bad gateway: the image host did not send the whole image within 1 s.", (await response.Content.ReadAsStringAsync()).Trim());
        Assert.Equal(200, Assert.Single(origin.Requests).StatusCode); // the headers arrived in time: it was the body
        Assert.Null(await proxy.Services.GetRequiredService<IImageCache>().GetAsync(ImageUrlSigner.CacheKey(origin.Url("/slow.png").AbsoluteUri)));
    }

    [Fact]
    public async Task LoopbackOrigin_WithoutTheTestOptIn_IsRefusedBeforeAnyRequest()
    {
        await using var origin = await LoopbackServer.StartAsync();
        origin.Map("/a.png", LoopbackResponse.Bytes(Png, "image/png"));
        await using var proxy = await StartProxyAsync(allowLoopback: false);

        using var response = await proxy.Client.GetAsync(ProxyPath(proxy, origin.Url("/a.png").AbsoluteUri));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Refused: 127.0.0.1 is a loopback address.", (await response.Content.ReadAsStringAsync()).Trim());
        Assert.Empty(origin.Requests);
    }

    private static Task<FeedTestServer> StartProxyAsync(bool allowLoopback, TimeSpan? timeout = null) =>
        FeedTestServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["IMAGE_PROXY_SIGNING_KEY"] = Key,
            ["ImageProxy:AllowLoopbackForTests"] = allowLoopback ? "true" : "false",
            ["ImageProxy:Timeout"] = (timeout ?? TimeSpan.FromSeconds(15)).ToString("c", CultureInfo.InvariantCulture),
        });

    private static string ProxyPath(FeedTestServer server, string imageUrl)
    {
        var signer = server.Services.GetRequiredService<ImageUrlSigner>();
        return $"/api/image?url={Uri.EscapeDataString(imageUrl)}&sig={signer.Sign(imageUrl)}";
    }
}
