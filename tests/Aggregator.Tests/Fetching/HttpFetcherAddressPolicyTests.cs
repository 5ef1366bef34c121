using Aggregator.Fetching;
using Aggregator.Testing.Http;

namespace Aggregator.Tests.Fetching;

/// <summary>
/// The connect-time address policy of source fetching: what a feed, an item link or a redirect names is checked on the
/// address actually connected to, so internal services are never reached unless the source is opted in.
/// </summary>
public sealed class HttpFetcherAddressPolicyTests
{
    [Fact]
    public async Task Fetch_LoopbackByDefault_IsRefusedBeforeTheServerSeesARequest()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/feed.xml", LoopbackResponse.Text("<rss/>", "application/rss+xml"));
        using var host = FetcherHost.CreateWithDefaultPolicy();

        var error = await Assert.ThrowsAsync<FetchException>(() => host.FetchAsync(server.Url("/feed.xml")));

        Assert.Equal(FetchFailure.Refused, error.Failure);
        Assert.Equal(
            $"GET {server.Url("/feed.xml")} refused: 127.0.0.1 is a loopback address; set allowPrivateNetwork on this source to allow it.",
            error.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Fetch_LocalhostByName_IsRefusedOnTheResolvedAddress()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var host = FetcherHost.CreateWithDefaultPolicy();

        var error = await Assert.ThrowsAsync<FetchException>(() => host.FetchAsync(new Uri($"http://localhost:{server.BaseUri.Port}/feed.xml")));

        Assert.Equal(FetchFailure.Refused, error.Failure);
        Assert.Contains("localhost resolves to ", error.Message, StringComparison.Ordinal);
        Assert.Contains("a loopback address", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("http://10.0.0.1/feed", "10.0.0.1 is a private address")]
    [InlineData("http://172.16.0.1/feed", "172.16.0.1 is a private address")]
    [InlineData("http://192.168.1.1/feed", "192.168.1.1 is a private address")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address (where cloud metadata endpoints live)")]
    [InlineData("http://100.64.0.1/feed", "100.64.0.1 is a carrier-grade NAT (100.64.0.0/10) address")]
    [InlineData("http://0.0.0.0/feed", "0.0.0.0 is an unspecified (0.0.0.0/8) address")]
    [InlineData("http://[::ffff:10.0.0.1]/feed", "::ffff:10.0.0.1 is a private address")]
    [InlineData("http://[fd00::1]/feed", "fd00::1 is a private (unique local) address")]
    [InlineData("http://[fe80::1]/feed", "fe80::1 is a link-local address")]
    public async Task Fetch_InternalAddress_IsRefusedEvenWithLoopbackAllowedForTests(string url, string reason)
    {
        // The test opt-in covers loopback only: every other internal range stays refused.
        using var host = FetcherHost.Create();

        var error = await Assert.ThrowsAsync<FetchException>(() => host.FetchAsync(new Uri(url)));

        Assert.Equal(FetchFailure.Refused, error.Failure);
        Assert.Contains($"refused: {reason}; set allowPrivateNetwork", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_RedirectToAnInternalAddress_IsRefusedAndTheTargetIsNeverRequested()
    {
        await using var origin = await LoopbackServer.StartAsync();
        await using var secret = await InternalService.StartAsync();
        origin.Map("/feed.xml", LoopbackResponse.Redirect(secret.Url("/secret").AbsoluteUri));

        // The test opt-in lets 127.0.0.1 stand in for a public site; 127.0.0.2 is internal and stays refused.
        using var host = FetcherHost.Create();
        var error = await Assert.ThrowsAsync<FetchException>(() => host.FetchAsync(origin.Url("/feed.xml")));

        Assert.Equal(FetchFailure.Refused, error.Failure);
        Assert.Equal(
            $"GET {secret.Url("/secret")} (redirected from {origin.Url("/feed.xml")}) refused: 127.0.0.2 is a loopback address; "
            + "set allowPrivateNetwork on this source to allow it.",
            error.Message);
        Assert.Equal(0, InternalService.RequestsAfterProbe(secret));
    }

    [Fact]
    public async Task Fetch_AllowPrivateNetwork_ReachesALoopbackSource()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/feed.xml", LoopbackResponse.Text("<rss/>", "application/rss+xml"));
        using var host = FetcherHost.CreateWithDefaultPolicy();

        var response = await host.FetchAsync(new FetchRequest(server.Url("/feed.xml")) { AllowPrivateNetwork = true });

        Assert.Equal("<rss/>", System.Text.Encoding.UTF8.GetString(response.Body.Span));
    }

    [Fact]
    public async Task Fetch_AfterAnOptedInFetch_ItsPooledConnectionIsNotReusedForOthers()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/feed.xml", LoopbackResponse.Text("<rss/>", "application/rss+xml"));
        using var host = FetcherHost.CreateWithDefaultPolicy();
        await host.FetchAsync(new FetchRequest(server.Url("/feed.xml")) { AllowPrivateNetwork = true });

        var error = await Assert.ThrowsAsync<FetchException>(() => host.FetchAsync(server.Url("/feed.xml")));

        Assert.Equal(FetchFailure.Refused, error.Failure);
        Assert.Single(server.Requests);
    }
}
