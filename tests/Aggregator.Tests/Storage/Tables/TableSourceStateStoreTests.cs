using Aggregator.Storage;
using Aggregator.Storage.Tables;
using Aggregator.Testing.Azurite;

namespace Aggregator.Tests.Storage.Tables;

[Collection(AzuriteFixture.Collection)]
public sealed class TableSourceStateStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Save_ThenGetAndList_RoundTripsEveryField()
    {
        var tables = StoreFactory.Tables(azurite);
        var store = new TableSourceStateStore(tables);
        var state = new SourceState
        {
            SourceId = "weibo",
            ETag = "\"abc\"",
            LastModified = "Wed, 23 Apr 2025 05:11:17 GMT",
            LastAttempt = new DateTimeOffset(2025, 4, 23, 6, 0, 0, TimeSpan.Zero),
            LastError = "GET https://example.org/ returned 503 Service Unavailable",
            FailureCount = 3,
            NextAttempt = new DateTimeOffset(2025, 4, 23, 7, 0, 0, TimeSpan.Zero),
            Warnings = ["declared charset gb2312 decoded as gb18030"],
            LastNewItems = 2,
            TotalItems = 40,
        };

        await store.SaveAsync(state);
        var read = await store.GetAsync("weibo");

        Assert.NotNull(read);
        Assert.Equal(state.ETag, read.ETag);
        Assert.Equal(state.LastModified, read.LastModified);
        Assert.Equal(state.LastAttempt, read.LastAttempt);
        Assert.Null(read.LastSuccess);
        Assert.Equal(state.LastError, read.LastError);
        Assert.Equal(3, read.FailureCount);
        Assert.Equal(state.NextAttempt, read.NextAttempt);
        Assert.Equal(state.Warnings, read.Warnings);
        Assert.Equal(40, read.TotalItems);
        Assert.Single(await store.ListAsync());
        Assert.Null(await store.GetAsync("unknown"));
    }

    [Fact]
    public async Task DataVersion_ChangesOnEveryBump()
    {
        var version = new TableDataVersion(StoreFactory.Tables(azurite), TimeProvider.System);

        var before = await version.GetAsync();
        await version.BumpAsync();
        var first = await version.GetAsync();
        await version.BumpAsync();
        var second = await version.GetAsync();

        Assert.NotEqual(before, first);
        Assert.NotEqual(first, second);
    }
}
