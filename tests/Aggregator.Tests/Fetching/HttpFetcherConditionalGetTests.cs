using System.Globalization;
using Aggregator.Fetching;
using Aggregator.Testing.Http;

namespace Aggregator.Tests.Fetching;

public sealed class HttpFetcherConditionalGetTests
{
    private static readonly DateTimeOffset Modified = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Fetch_WithValidatorsFromLastTime_SendsThem_AndReturnsNotModified()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/feed.xml", LoopbackResponse.Text("<rss/>", "application/rss+xml").WithETag("v1").WithLastModified(Modified));
        using var host = FetcherHost.Create();

        var first = await host.FetchAsync(server.Url("/feed.xml"));
        var second = await host.FetchAsync(new FetchRequest(server.Url("/feed.xml")) { ETag = first.ETag, LastModified = first.LastModified });

        Assert.True(second.NotModified);
        Assert.Equal(304, second.StatusCode);
        Assert.True(second.Body.IsEmpty);
        Assert.Equal("\"v1\"", second.ETag);
        Assert.Equal(first.LastModified, second.LastModified);
        var conditional = server.RequestsTo("/feed.xml")[1];
        Assert.Equal("\"v1\"", conditional.Header("If-None-Match"));
        Assert.Equal("Fri, 20 Nov 2026 09:30:00 GMT", conditional.Header("If-Modified-Since"));
        Assert.Equal(304, conditional.StatusCode);
    }

    [Fact]
    public async Task Fetch_ChangedResource_Returns200WithNewValidators()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/feed.xml", LoopbackResponse.Text("<rss>new</rss>", "application/rss+xml").WithETag("v2"));
        using var host = FetcherHost.Create();

        var response = await host.FetchAsync(new FetchRequest(server.Url("/feed.xml")) { ETag = "\"v1\"" });

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("\"v2\"", response.ETag);
        Assert.False(response.Body.IsEmpty);
    }

    [Fact]
    public async Task Fetch_MalformedUnquotedETag_IsKeptAndSentBackVerbatim()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/feed.xml", LoopbackResponse.Sequence(
            LoopbackResponse.Text("<rss/>").WithHeader("ETag", "5f3a-unquoted"),
            LoopbackResponse.Status(304)));
        using var host = FetcherHost.Create();

        var first = await host.FetchAsync(server.Url("/feed.xml"));
        var second = await host.FetchAsync(new FetchRequest(server.Url("/feed.xml")) { ETag = first.ETag });

        Assert.Equal("5f3a-unquoted", first.ETag);
        Assert.Equal("5f3a-unquoted", server.RequestsTo("/feed.xml")[1].Header("If-None-Match"));
        Assert.Equal("5f3a-unquoted", second.ETag); // the 304 sent none: ours still stands
    }

    [Fact]
    public async Task Fetch_TooManyRequestsWithRetryAfterSeconds_CarriesRetryAfter()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/feed.xml", LoopbackResponse.Status(429, ("Retry-After", "120")));
        using var host = FetcherHost.Create();

        var error = await Assert.ThrowsAsync<FetchException>(() => host.FetchAsync(server.Url("/feed.xml")));

        Assert.Equal(FetchFailure.HttpStatus, error.Failure);
        Assert.Equal(429, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
        Assert.StartsWith($"GET {server.Url("/feed.xml")} returned 429 Too Many Requests", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_ServiceUnavailableWithRetryAfterDate_CarriesTheDelayUntilThatDate()
    {
        var retryAt = DateTimeOffset.UtcNow.AddHours(2);
        var header = retryAt.ToString("R", CultureInfo.InvariantCulture);
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/feed.xml", LoopbackResponse.Status(503, ("Retry-After", header)));
        using var host = FetcherHost.Create();

        var error = await Assert.ThrowsAsync<FetchException>(() => host.FetchAsync(server.Url("/feed.xml")));

        Assert.Equal(503, error.StatusCode);
        Assert.NotNull(error.RetryAfter);
        var expected = DateTimeOffset.ParseExact(header, "R", CultureInfo.InvariantCulture) - DateTimeOffset.UtcNow;
        Assert.InRange(error.RetryAfter.Value, expected - TimeSpan.FromMinutes(1), expected + TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Fetch_RetryAfterDateInThePast_MeansNoWait()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/feed.xml", LoopbackResponse.Status(503, ("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")));
        using var host = FetcherHost.Create();

        var error = await Assert.ThrowsAsync<FetchException>(() => host.FetchAsync(server.Url("/feed.xml")));

        Assert.Equal(TimeSpan.Zero, error.RetryAfter);
    }

    [Fact]
    public async Task Fetch_RetryAfterOnOtherErrors_IsIgnored()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/feed.xml", LoopbackResponse.Status(500, ("Retry-After", "60")));
        using var host = FetcherHost.Create();

        var error = await Assert.ThrowsAsync<FetchException>(() => host.FetchAsync(server.Url("/feed.xml")));

        Assert.Null(error.RetryAfter);
    }

    [Fact]
    public async Task Fetch_SuccessWithCacheControlMaxAge_ReturnsItAsRetryAfter()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/feed.xml", LoopbackResponse.Text("<rss/>").WithETag("v1").WithHeader("Cache-Control", "public, max-age=1800"));
        using var host = FetcherHost.Create();

        var fresh = await host.FetchAsync(server.Url("/feed.xml"));
        var unchanged = await host.FetchAsync(new FetchRequest(server.Url("/feed.xml")) { ETag = fresh.ETag });

        Assert.Equal(TimeSpan.FromMinutes(30), fresh.RetryAfter);
        Assert.True(unchanged.NotModified);
        Assert.Equal(TimeSpan.FromMinutes(30), unchanged.RetryAfter);
    }

    [Fact]
    public async Task Fetch_SuccessWithoutCacheControl_HasNoRetryAfter()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/feed.xml", LoopbackResponse.Text("<rss/>"));
        using var host = FetcherHost.Create();

        var response = await host.FetchAsync(server.Url("/feed.xml"));

        Assert.Null(response.RetryAfter);
    }
}
