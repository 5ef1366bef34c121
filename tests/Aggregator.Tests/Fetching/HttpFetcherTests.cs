using System.Net;
using System.Net.Sockets;
using System.Text;
using Aggregator.Fetching;
using Aggregator.Testing.Http;
using Microsoft.Extensions.Options;

namespace Aggregator.Tests.Fetching;

public sealed class HttpFetcherTests
{
    private const string Rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>论文速递</title></channel></rss>";

    [Fact]
    public async Task Fetch_PlainFeed_ReturnsBodyContentTypeAndValidators()
    {
        await using var server = await LoopbackServer.StartAsync();
        var modified = new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);
        server.Map("/feed.xml", LoopbackResponse.Text(Rss, "application/rss+xml; charset=utf-8").WithETag("abc").WithLastModified(modified));
        using var host = FetcherHost.Create();

        var response = await host.FetchAsync(server.Url("/feed.xml"));

        Assert.Equal(200, response.StatusCode);
        Assert.False(response.NotModified);
        Assert.False(response.Truncated);
        Assert.Equal(Rss, Encoding.UTF8.GetString(response.Body.Span));
        Assert.Equal("application/rss+xml; charset=utf-8", response.ContentType);
        Assert.Equal("\"abc\"", response.ETag);
        Assert.Equal("Fri, 20 Nov 2026 09:30:00 GMT", response.LastModified);
        Assert.Equal(server.Url("/feed.xml"), response.RequestedUrl);
        Assert.Equal(server.Url("/feed.xml"), response.FinalUrl);
    }

    [Fact]
    public async Task Fetch_SendsUserAgentNamingTheProject_AndFeedAccept()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/feed.xml", LoopbackResponse.Text(Rss, "application/rss+xml"));
        using var host = FetcherHost.Create();

        await host.FetchAsync(server.Url("/feed.xml"));

        var request = Assert.Single(server.Requests);
        Assert.Equal(FetcherOptions.DefaultUserAgent, request.Header("User-Agent"));
        Assert.StartsWith("Aggregator/", request.Header("User-Agent"), StringComparison.Ordinal);
        Assert.StartsWith("application/rss+xml", request.Header("Accept"), StringComparison.Ordinal);
        Assert.Null(request.Header("If-None-Match"));
        Assert.Null(request.Header("If-Modified-Since"));
    }

    [Fact]
    public async Task Fetch_RequestAcceptAndReferer_OverrideDefaults()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/img.png", LoopbackResponse.Bytes([137, 80, 78, 71], "image/png"));
        using var host = FetcherHost.Create(o => o.UserAgent = "Custom/2.0");

        await host.FetchAsync(new FetchRequest(server.Url("/img.png")) { Accept = "image/*", Referer = new Uri("https://blog.example/post") });

        var request = Assert.Single(server.Requests);
        Assert.Equal("image/*", request.Header("Accept"));
        Assert.Equal("https://blog.example/post", request.Header("Referer"));
        Assert.Equal("Custom/2.0", request.Header("User-Agent"));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    [InlineData("deflate")]
    public async Task Fetch_CompressedBody_IsDecoded(string encoding)
    {
        var text = string.Concat(Enumerable.Repeat(Rss, 200));
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/feed.xml", LoopbackResponse.Text(text, "application/rss+xml").WithContentEncoding(encoding));
        using var host = FetcherHost.Create();

        var response = await host.FetchAsync(server.Url("/feed.xml"));

        Assert.Equal(text, Encoding.UTF8.GetString(response.Body.Span));
        Assert.Contains(encoding, Assert.Single(server.Requests).Header("Accept-Encoding"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(404, "404 Not Found")]
    [InlineData(500, "500 Internal Server Error")]
    [InlineData(410, "410 Gone")]
    public async Task Fetch_ErrorStatus_ThrowsHttpStatusNamingUrlAndStatus(int status, string described)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/feed.xml", LoopbackResponse.Status(status));
        using var host = FetcherHost.Create();

        var error = await Assert.ThrowsAsync<FetchException>(() => host.FetchAsync(server.Url("/feed.xml")));

        Assert.Equal(FetchFailure.HttpStatus, error.Failure);
        Assert.Equal(status, error.StatusCode);
        Assert.Null(error.RetryAfter);
        Assert.Equal($"GET {server.Url("/feed.xml")} returned {described}", error.Message);
    }

    [Fact]
    public async Task Fetch_UnmappedPath_MessageSaysNotFound()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var host = FetcherHost.Create();

        var error = await Assert.ThrowsAsync<FetchException>(() => host.FetchAsync(server.Url("/missing.xml")));

        Assert.Contains("returned 404 Not Found", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://example.org/feed.xml")]
    [InlineData("mailto:someone@example.org")]
    [InlineData("gopher://example.org/1")]
    public async Task Fetch_UnsupportedScheme_Throws(string url)
    {
        using var host = FetcherHost.Create();

        var error = await Assert.ThrowsAsync<FetchException>(() => host.FetchAsync(new Uri(url)));

        Assert.Equal(FetchFailure.UnsupportedScheme, error.Failure);
        Assert.Contains(url, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_RelativeUrl_IsAnArgumentError()
    {
        using var host = FetcherHost.Create();

        await Assert.ThrowsAsync<ArgumentException>(() => host.FetchAsync(new Uri("/feed.xml", UriKind.Relative)));
    }

    [Fact]
    public async Task Fetch_ConnectionRefused_ThrowsNetwork()
    {
        // A port that was free a moment ago and has nobody listening: the connection is refused at once.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var host = FetcherHost.Create();

        var error = await Assert.ThrowsAsync<FetchException>(() => host.FetchAsync(new Uri($"http://127.0.0.1:{port}/feed.xml")));

        Assert.Equal(FetchFailure.Network, error.Failure);
        Assert.StartsWith($"GET http://127.0.0.1:{port}/feed.xml failed:", error.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task Fetch_CallerCancels_ThrowsOperationCanceled_NotAFetchFailure()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/slow", LoopbackResponse.Slow(bytesPerSecond: 1, totalBytes: 100));
        using var host = FetcherHost.Create();
        using var cancel = new CancellationTokenSource();

        var fetch = host.Fetcher.FetchAsync(new FetchRequest(server.Url("/slow")), cancel.Token);
        await Eventually.TrueAsync(() => server.Requests.Count == 1);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetch);
    }

    [Fact]
    public void AddAggregatorFetching_InvalidOptions_FailWithAMessageNamingTheSetting()
    {
        var thrown = Assert.Throws<OptionsValidationException>(() => FetcherHost.Create(o => o.MaxConcurrentRequestsPerHost = 0));
        Assert.Contains("MaxConcurrentRequestsPerHost", thrown.Message, StringComparison.Ordinal);
    }
}
