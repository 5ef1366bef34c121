using System.Collections.Concurrent;
using System.Text;
using Aggregator.Fetching;
using Aggregator.Testing.Http;
using Microsoft.AspNetCore.Http;

namespace Aggregator.Tests.Fetching;

public sealed class HttpFetcherLimitsTests
{
    private const long FiftyMegabytes = 50L * 1024 * 1024;
    private const long TenMegabytes = 10L * 1024 * 1024;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Fetch_FiftyMegabyteBody_IsCutOffAtTheDefaultCap(bool sendContentLength)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/huge", LoopbackResponse.Huge(FiftyMegabytes, "application/xml", sendContentLength));
        using var host = FetcherHost.Create();

        var response = await host.FetchAsync(server.Url("/huge"));

        Assert.True(response.Truncated);
        Assert.Equal(TenMegabytes, response.Body.Length);
    }

    [Fact]
    public async Task Fetch_CompressedHugeBody_IsCappedAfterDecoding()
    {
        // A gzip bomb in miniature: a few hundred kilobytes on the wire, 50 MB once decoded.
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/bomb", LoopbackResponse.Huge(FiftyMegabytes).WithContentEncoding("gzip"));
        using var host = FetcherHost.Create(o => o.MaxBytes = 1024 * 1024);

        var response = await host.FetchAsync(server.Url("/bomb"));

        Assert.True(response.Truncated);
        Assert.Equal(1024 * 1024, response.Body.Length);
    }

    [Fact]
    public async Task Fetch_RequestMaxBytes_OverridesTheOption()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/page", LoopbackResponse.Huge(10_000));
        using var host = FetcherHost.Create();

        var response = await host.FetchAsync(new FetchRequest(server.Url("/page")) { MaxBytes = 4_000 });

        Assert.True(response.Truncated);
        Assert.Equal(4_000, response.Body.Length);
    }

    [Fact]
    public async Task Fetch_BodyOfExactlyTheCap_IsNotTruncated()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/page", LoopbackResponse.Huge(4_000, sendContentLength: false));
        using var host = FetcherHost.Create(o => o.MaxBytes = 4_000);

        var response = await host.FetchAsync(server.Url("/page"));

        Assert.False(response.Truncated);
        Assert.Equal(4_000, response.Body.Length);
    }

    [Fact]
    public async Task Fetch_OneByteASecond_TimesOutEvenThoughBytesKeepComing()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/drip", LoopbackResponse.Slow(bytesPerSecond: 1, totalBytes: 1_000, "application/rss+xml"));
        using var host = FetcherHost.Create(o => o.Timeout = TimeSpan.FromSeconds(2));

        var error = await Assert.ThrowsAsync<FetchException>(() => host.FetchAsync(server.Url("/drip")));

        Assert.Equal(FetchFailure.Timeout, error.Failure);
        Assert.Equal(
            $"GET {server.Url("/drip")} did not complete within 2 s; the body was still arriving (a server that trickles bytes is cut off here).",
            error.Message);
        Assert.Equal(200, Assert.Single(server.Requests).StatusCode); // the headers did arrive: it was the body
    }

    [Fact]
    public async Task Fetch_MaxAgeOfSixtyYears_IsTakenAsSevenDays()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/feed.xml", LoopbackResponse.Text("<rss/>", "application/rss+xml").WithHeader("Cache-Control", "max-age=2000000000"));
        server.Map("/modest.xml", LoopbackResponse.Text("<rss/>", "application/rss+xml").WithHeader("Cache-Control", "max-age=3600"));
        using var host = FetcherHost.Create();

        var capped = await host.FetchAsync(server.Url("/feed.xml"));
        var modest = await host.FetchAsync(server.Url("/modest.xml"));

        Assert.Equal(TimeSpan.FromDays(7), capped.RetryAfter);
        Assert.Equal(TimeSpan.FromHours(1), modest.RetryAfter);
    }

    [Fact]
    public async Task Fetch_NotModifiedWithHugeMaxAge_IsTakenAsSevenDays()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/feed.xml", LoopbackResponse.Text("<rss/>", "application/rss+xml").WithETag("v1").WithHeader("Cache-Control", "max-age=2000000000"));
        using var host = FetcherHost.Create();

        var response = await host.FetchAsync(new FetchRequest(server.Url("/feed.xml")) { ETag = "\"v1\"" });

        Assert.True(response.NotModified);
        Assert.Equal(TimeSpan.FromDays(7), response.RetryAfter);
    }

    [Fact]
    public async Task Fetch_TooManyRequestsWithHugeRetryAfter_IsTakenAsSevenDays()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/feed.xml", LoopbackResponse.Status(429, ("Retry-After", "2000000000")));
        using var host = FetcherHost.Create();

        var error = await Assert.ThrowsAsync<FetchException>(() => host.FetchAsync(server.Url("/feed.xml")));

        Assert.Equal(TimeSpan.FromDays(7), error.RetryAfter);
        Assert.Contains("retry after 604800 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_NoHeadersBeforeTheTimeout_TimesOut()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/stall", LoopbackResponse.Text("<rss/>").DelayedBy(TimeSpan.FromMinutes(5)));
        using var host = FetcherHost.Create(o => o.Timeout = TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<FetchException>(() => host.FetchAsync(server.Url("/stall")));

        Assert.Equal(FetchFailure.Timeout, error.Failure);
    }

    [Fact]
    public async Task Fetch_PerHostLimitOne_SecondRequestStartsOnlyAfterTheFirstEnds()
    {
        var events = await RunTwoConcurrentFetchesAsync(maxPerHost: 1);

        Assert.Equal(["start", "end", "start", "end"], events.Select(e => e.Split(' ')[0]));
    }

    [Fact]
    public async Task Fetch_PerHostLimitTwo_BothRequestsRunAtOnce()
    {
        // The control for the test above: the same set-up does observe overlap when the limit allows it.
        var events = await RunTwoConcurrentFetchesAsync(maxPerHost: 2);

        Assert.Equal(["start", "start", "end", "end"], events.Select(e => e.Split(' ')[0]));
    }

    [Fact]
    public async Task Fetch_PerHostLimit_DoesNotHoldBackOtherHosts()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var busy = await LoopbackServer.StartAsync();
        await using var other = await LoopbackServer.StartAsync();
        busy.Map("/held", async (HttpContext context) =>
        {
            await release.Task;
            await context.Response.WriteAsync("late");
        });
        other.Map("/feed.xml", LoopbackResponse.Text("<rss/>"));
        using var host = FetcherHost.Create(o => o.MaxConcurrentRequestsPerHost = 1);

        var held = host.FetchAsync(busy.Url("/held"));
        await Eventually.TrueAsync(() => busy.Requests.Count == 1);
        var response = await host.FetchAsync(other.Url("/feed.xml")); // would wait forever if hosts shared a slot

        Assert.False(held.IsCompleted);
        release.SetResult();
        Assert.Equal("late", Encoding.UTF8.GetString((await held).Body.Span));
        Assert.Equal("<rss/>", Encoding.UTF8.GetString(response.Body.Span));
    }

    /// <summary>
    /// Two fetches to one host whose handler holds each request until the test lets it go. The first request is
    /// held until the second one has either reached the server (overlap) or had ample chance to: the grace period
    /// only decides how hard we look for a violation, never whether a correct fetcher passes.
    /// </summary>
    private static async Task<string[]> RunTwoConcurrentFetchesAsync(int maxPerHost)
    {
        var events = new ConcurrentQueue<string>();
        var arrived = new ConcurrentQueue<TaskCompletionSource>();
        var secondArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/held", async (HttpContext context) =>
        {
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            events.Enqueue($"start {context.Request.Query["n"]}");
            arrived.Enqueue(release);
            if (arrived.Count == 2)
            {
                secondArrived.TrySetResult();
            }

            await release.Task;
            events.Enqueue($"end {context.Request.Query["n"]}");
            await context.Response.WriteAsync("done");
        });
        using var host = FetcherHost.Create(o => o.MaxConcurrentRequestsPerHost = maxPerHost);

        var first = host.FetchAsync(server.Url("/held?n=1"));
        await Eventually.TrueAsync(() => !arrived.IsEmpty);
        var second = host.FetchAsync(server.Url("/held?n=2"));
        await Task.WhenAny(secondArrived.Task, Task.Delay(TimeSpan.FromMilliseconds(500)));

        ReleaseNext(arrived);
        await Eventually.TrueAsync(() => arrived.Count == 1 || events.Count == 4);
        ReleaseNext(arrived);
        var responses = await Task.WhenAll(first, second);

        Assert.All(responses, r => Assert.Equal("done", Encoding.UTF8.GetString(r.Body.Span)));
        return [.. events];
    }

    private static void ReleaseNext(ConcurrentQueue<TaskCompletionSource> arrived)
    {
        if (arrived.TryDequeue(out var release))
        {
            release.SetResult();
        }
    }
}
