using System.Diagnostics;
using System.Net;
using Aggregator.Storage.Tables;
using Aggregator.Testing.Azurite;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Tests.Publishing;

/// <summary>
/// Warm feed requests, 200 and 304 alike, cost no storage read: the data version is read at most once a second per
/// process, and a change made through this process is served at once.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class DataVersionReadsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task WarmRequests_ReadStorageAtMostOnceASecond()
    {
        await using var app = await ServedApp.StartAsync(azurite.ConnectionString);
        await app.SeedAsync(FeedFixtures.ManyPosts(5));
        using var first = await app.Client.GetAsync("/api/feed");
        var etag = first.Headers.ETag!;
        var before = app.StorageRequests.Count;

        var elapsed = Stopwatch.StartNew();
        for (var i = 0; i < 200; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/feed");
            if (i % 2 == 1)
            {
                request.Headers.IfNoneMatch.Add(etag);
            }

            using var response = await app.Client.SendAsync(request);
            Assert.Equal(i % 2 == 1 ? HttpStatusCode.NotModified : HttpStatusCode.OK, response.StatusCode);
        }

        var reads = app.StorageRequests.Count - before;
        Assert.InRange(reads, 0, (int)Math.Ceiling(elapsed.Elapsed / TableDataVersion.CheckInterval) + 1);
        Assert.True(reads < 20, $"{reads} storage requests for 200 warm feed requests");
    }

    [Fact]
    public async Task ChangeThroughThisProcess_IsServedAtOnce()
    {
        await using var app = await ServedApp.StartAsync(azurite.ConnectionString);
        await app.SeedAsync(FeedFixtures.ManyPosts(2));
        var before = await app.Client.GetStringAsync("/api/feed");

        await app.SeedAsync([FeedFixtures.EnglishPost("post-late", FeedFixtures.Base.AddHours(2), title: "A late arrival")]);
        var after = await app.Client.GetStringAsync("/api/feed");

        Assert.DoesNotContain("A late arrival", before, StringComparison.Ordinal);
        Assert.Contains("A late arrival", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeByAnotherProcess_IsServedWithinTheCheckInterval()
    {
        await using var app = await ServedApp.StartAsync(azurite.ConnectionString);
        await app.SeedAsync(FeedFixtures.ManyPosts(2));
        Assert.DoesNotContain("Written elsewhere", await app.Client.GetStringAsync("/api/feed"), StringComparison.Ordinal);

        // Other instances over the same tables: what an ingest in another process does.
        var tables = app.Services.GetRequiredService<AggregatorTables>();
        await new TablePostStore(tables).AddAsync(FeedFixtures.EnglishPost("post-elsewhere", FeedFixtures.Base.AddHours(3), title: "Written elsewhere"), ["id:elsewhere"], maxFingerprintDistance: -1);
        await new TableDataVersion(tables, TimeProvider.System).BumpAsync();
        var elapsed = Stopwatch.StartNew();
        var seen = false;
        while (!seen && elapsed.Elapsed < TimeSpan.FromSeconds(10))
        {
            seen = (await app.Client.GetStringAsync("/api/feed")).Contains("Written elsewhere", StringComparison.Ordinal);
            await Task.Delay(50);
        }

        Assert.True(seen);
        // The interval, plus the read itself and this loop's pauses on a busy machine.
        Assert.InRange(elapsed.Elapsed, TimeSpan.Zero, TableDataVersion.CheckInterval + TimeSpan.FromSeconds(2));
    }
}
