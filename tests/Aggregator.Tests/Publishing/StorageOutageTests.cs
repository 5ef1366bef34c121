using System.Net;
using System.Net.Sockets;
using Aggregator.Azurite;
using Aggregator.Publishing;
using Aggregator.Testing.Azurite;
using Aggregator.Testing.Paths;

namespace Aggregator.Tests.Publishing;

/// <summary>
/// Serving with storage down, over the app as <c>serve</c> composes it: the last rendering of a feed is served marked
/// stale; anything with nothing cached is a 503 with Retry-After and a line that says where storage was expected.
/// </summary>
public sealed class StorageOutageTests
{
    private static readonly string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Theory]
    [InlineData("/api/feed", null)]
    [InlineData("/api/feed?format=atom", null)]
    [InlineData("/api/papers?format=json", null)]
    [InlineData("/api/feed", "browser")]
    [InlineData("/api/health", null)]
    public async Task NothingListening_EveryStorageRouteAnswers503WithRetryAfterAndWhereStorageWasExpected(string path, string? client)
    {
        var port = FreePort();
        await using var app = await ServedApp.StartAsync(ConnectionStringFor(port));
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (client == "browser")
        {
            request.Headers.TryAddWithoutValidation("Accept", BrowserAccept);
        }

        using var response = await app.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(StorageUnavailableResponse.RetryAfterSeconds), response.Headers.RetryAfter!.Delta);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.StartsWith($"storage unavailable: nothing answers at http://127.0.0.1:{port}/devstoreaccount1 — start Azurite", body, StringComparison.Ordinal);
        Assert.DoesNotContain(AzuriteProcess.DevelopmentAccountKey, body, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/feed.xsl")]
    [InlineData("/api/sources.opml")]
    public async Task NothingListening_RoutesThatNeedNoStorageStillAnswer(string path)
    {
        await using var app = await ServedApp.StartAsync(ConnectionStringFor(FreePort()));

        using var response = await app.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AzuriteStoppedAfterAFirstRender_ServesTheLastRenderingStaleAnd503ForWhatWasNeverRendered()
    {
        var azurite = await AzuriteProcess.StartAsync(new AzuriteStartOptions { SearchFrom = RepositoryPaths.Root });
        await using var app = await ServedApp.StartAsync(azurite.ConnectionString);
        byte[] feed, page;
        string etag;
        try
        {
            await app.SeedAsync([FeedFixtures.ChinesePost(), .. FeedFixtures.ManyPosts(3)]);
            using var first = await app.Client.GetAsync("/api/feed");
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            feed = await first.Content.ReadAsByteArrayAsync();
            etag = first.Headers.ETag!.Tag;
            using var firstPage = await BrowserGetAsync(app, "/api/feed");
            page = await firstPage.Content.ReadAsByteArrayAsync();
        }
        finally
        {
            await azurite.DisposeAsync();
        }

        // Until the version is read again (at most a second, plus the failing read) requests get the cached feed as
        // current; from then on it is marked stale.
        var stale = await app.Client.GetAsync("/api/feed");
        for (var waited = 0; !stale.Headers.Contains(StaleHeader.Name) && waited < 100; waited++)
        {
            stale.Dispose();
            await Task.Delay(100);
            stale = await app.Client.GetAsync("/api/feed");
        }

        using var stalePage = await BrowserGetAsync(app, "/api/feed");
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/feed");
        conditional.Headers.TryAddWithoutValidation("If-None-Match", etag);
        using var notModified = await app.Client.SendAsync(conditional);
        using var neverRendered = await app.Client.GetAsync("/api/feed?q=dpo");
        using var health = await app.Client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(feed, await stale.Content.ReadAsByteArrayAsync());
        Assert.Equal(StaleHeader.StorageUnavailable, Assert.Single(stale.Headers.GetValues(StaleHeader.Name)));
        Assert.Contains("110", Assert.Single(stale.Headers.GetValues("Warning")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stalePage.StatusCode);
        Assert.Equal(page, await stalePage.Content.ReadAsByteArrayAsync());
        Assert.True(stalePage.Headers.Contains(StaleHeader.Name));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.True(notModified.Headers.Contains(StaleHeader.Name));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, neverRendered.StatusCode);
        Assert.NotNull(neverRendered.Headers.RetryAfter);
        Assert.StartsWith("storage unavailable: nothing answers at http://127.0.0.1:", await neverRendered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.NotNull(health.Headers.RetryAfter);
        stale.Dispose();
    }

    private static Task<HttpResponseMessage> BrowserGetAsync(ServedApp app, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", BrowserAccept);
        return app.Client.SendAsync(request);
    }

    /// <summary>A loopback port nothing listens on: taken from the OS, then let go.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string ConnectionStringFor(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName={AzuriteProcess.DevelopmentAccountName};AccountKey={AzuriteProcess.DevelopmentAccountKey};"
        + $"TableEndpoint=http://127.0.0.1:{port}/{AzuriteProcess.DevelopmentAccountName};BlobEndpoint=http://127.0.0.1:{port}/{AzuriteProcess.DevelopmentAccountName}b;";
}
