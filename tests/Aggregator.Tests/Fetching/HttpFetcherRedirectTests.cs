using System.Text;
using Aggregator.Fetching;
using Aggregator.Testing.Http;

namespace Aggregator.Tests.Fetching;

public sealed class HttpFetcherRedirectTests
{
    [Fact]
    public async Task Fetch_ChainOfThreeRedirects_IsFollowed_AndFinalUrlIsTheLast()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/a", LoopbackResponse.Redirect("/b", 301));
        server.Map("/b", LoopbackResponse.Redirect("c?x=1", 307)); // relative to /b
        server.Map("/c", LoopbackResponse.Redirect(server.Url("/feed.xml").AbsoluteUri, 308)); // absolute
        server.Map("/feed.xml", LoopbackResponse.Text("<rss/>", "application/rss+xml"));
        using var host = FetcherHost.Create();

        var response = await host.FetchAsync(server.Url("/a"));

        Assert.Equal("<rss/>", Encoding.UTF8.GetString(response.Body.Span));
        Assert.Equal(server.Url("/a"), response.RequestedUrl);
        Assert.Equal(server.Url("/feed.xml"), response.FinalUrl);
        Assert.Equal(["/a", "/b", "/c?x=1", "/feed.xml"], server.Requests.Select(r => r.PathAndQuery));
    }

    [Theory]
    [InlineData(302)]
    [InlineData(303)]
    public async Task Fetch_FoundAndSeeOther_AreFollowedWithGet(int status)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/old", LoopbackResponse.Redirect("/new", status));
        server.Map("/new", LoopbackResponse.Text("moved"));
        using var host = FetcherHost.Create();

        var response = await host.FetchAsync(server.Url("/old"));

        Assert.Equal(server.Url("/new"), response.FinalUrl);
        Assert.All(server.Requests, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task Fetch_RedirectLoop_ThrowsTooManyRedirectsNamingTheChain()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/ping", LoopbackResponse.Redirect("/pong"));
        server.Map("/pong", LoopbackResponse.Redirect("/ping"));
        using var host = FetcherHost.Create();

        var error = await Assert.ThrowsAsync<FetchException>(() => host.FetchAsync(server.Url("/ping")));

        Assert.Equal(FetchFailure.TooManyRedirects, error.Failure);
        Assert.Contains($"{server.Url("/ping")} → {server.Url("/pong")} → {server.Url("/ping")}", error.Message, StringComparison.Ordinal);
        Assert.Contains("loop", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_SixRedirects_WithLimitFive_ThrowsTooManyRedirects()
    {
        await using var server = await LoopbackServer.StartAsync();
        MapChain(server, redirects: 6);
        using var host = FetcherHost.Create(o => o.MaxRedirects = 5);

        var error = await Assert.ThrowsAsync<FetchException>(() => host.FetchAsync(server.Url("/hop0")));

        Assert.Equal(FetchFailure.TooManyRedirects, error.Failure);
        Assert.Contains("more than 5", error.Message, StringComparison.Ordinal);
        Assert.Contains(server.Url("/hop6").AbsoluteUri, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Requests, r => r.Path == "/hop6"); // refused before the seventh request
    }

    [Fact]
    public async Task Fetch_FiveRedirects_WithLimitFive_Succeeds()
    {
        await using var server = await LoopbackServer.StartAsync();
        MapChain(server, redirects: 5);
        using var host = FetcherHost.Create(o => o.MaxRedirects = 5);

        var response = await host.FetchAsync(server.Url("/hop0"));

        Assert.Equal(server.Url("/hop5"), response.FinalUrl);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.org/feed.xml")]
    public async Task Fetch_RedirectToNonHttpScheme_IsRefused(string location)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/feed.xml", LoopbackResponse.Redirect(location));
        using var host = FetcherHost.Create();

        var error = await Assert.ThrowsAsync<FetchException>(() => host.FetchAsync(server.Url("/feed.xml")));

        Assert.Equal(FetchFailure.UnsupportedScheme, error.Failure);
        Assert.Contains(location, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_RedirectWithoutLocation_ThrowsHttpStatus()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/feed.xml", LoopbackResponse.Status(302));
        using var host = FetcherHost.Create();

        var error = await Assert.ThrowsAsync<FetchException>(() => host.FetchAsync(server.Url("/feed.xml")));

        Assert.Equal(FetchFailure.HttpStatus, error.Failure);
        Assert.Equal(302, error.StatusCode);
        Assert.Contains("302 Found without a usable Location", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_ErrorAfterRedirect_NamesBothUrls()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/feed.xml", LoopbackResponse.Redirect("/gone.xml", 301));
        server.Map("/gone.xml", LoopbackResponse.Status(410));
        using var host = FetcherHost.Create();

        var error = await Assert.ThrowsAsync<FetchException>(() => host.FetchAsync(server.Url("/feed.xml")));

        Assert.Equal($"GET {server.Url("/gone.xml")} returned 410 Gone (redirected from {server.Url("/feed.xml")})", error.Message);
    }

    [Theory]
    [InlineData("https://a.example/feed", "http://a.example/feed", true)]
    [InlineData("https://a.example/feed", "https://b.example/feed", false)]
    [InlineData("http://a.example/feed", "https://a.example/feed", false)]
    [InlineData("http://a.example/feed", "http://b.example/feed", false)]
    [InlineData("http://a.example/feed", "file:///etc/passwd", true)]
    [InlineData("https://a.example/feed", "javascript:alert(1)", true)]
    public void RedirectPolicy_RefusesDowngradeAndNonHttpTargets(string from, string to, bool refused)
    {
        Assert.Equal(refused, RedirectPolicy.Refusal(new Uri(from), new Uri(to)) is not null);
    }

    private static void MapChain(LoopbackServer server, int redirects)
    {
        for (var i = 0; i < redirects; i++)
        {
            server.Map($"/hop{i}", LoopbackResponse.Redirect($"/hop{i + 1}"));
        }

        server.Map($"/hop{redirects}", LoopbackResponse.Text("end"));
    }
}
