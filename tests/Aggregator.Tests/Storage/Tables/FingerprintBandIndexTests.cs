using Azure.Data.Tables;
using Aggregator.Dedupe;
using Aggregator.Storage.Tables;
using Aggregator.Testing.Azurite;

namespace Aggregator.Tests.Storage.Tables;

[Collection(AzuriteFixture.Collection)]
public sealed class FingerprintBandIndexTests(AzuriteFixture azurite)
{
    private const ulong Fingerprint = 0x1234_5678_9ABC_DEF0UL;

    private readonly AggregatorTables tables = StoreFactory.Tables(azurite);

    [Fact]
    public async Task Find_AfterMorePostsThanOneRowHolds_ReturnsEveryPost()
    {
        var index = new FingerprintBandIndex(tables);
        var count = FingerprintBandIndex.PostsPerRow + 10;
        for (var i = 0; i < count; i++)
        {
            // As ingestion does it: the lookup, then the add.
            await index.FindAsync(Fingerprint, CancellationToken.None);
            await index.AddAsync($"post{i:D4}", Fingerprint, CancellationToken.None);
        }

        var found = await index.FindAsync(Fingerprint, CancellationToken.None);

        Assert.Equal(count, found.Count);
        Assert.All(found, c => Assert.Equal(Fingerprint, c.Fingerprint));
        Assert.Equal(FingerprintBandIndex.PostsPerRow, await PostsInRowAsync(0));
        Assert.Equal(10, await PostsInRowAsync(1));
    }

    [Fact]
    public async Task Add_WithoutAPrecedingLookup_StillSkipsAFullRow()
    {
        var first = new FingerprintBandIndex(tables);
        for (var i = 0; i < FingerprintBandIndex.PostsPerRow; i++)
        {
            await first.AddAsync($"post{i:D4}", Fingerprint, CancellationToken.None);
        }

        // Another process: it has seen none of those rows.
        await new FingerprintBandIndex(tables).AddAsync("late", Fingerprint, CancellationToken.None);

        Assert.Equal(FingerprintBandIndex.PostsPerRow, await PostsInRowAsync(0));
        Assert.Equal(1, await PostsInRowAsync(1));
        Assert.Contains(await first.FindAsync(Fingerprint, CancellationToken.None), c => c.PostId == "late");
    }

    [Fact]
    public async Task Add_ConcurrentWritersOfOneBand_LoseNoPost()
    {
        var writers = Enumerable.Range(0, 4).Select(_ => new FingerprintBandIndex(tables)).ToList();

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            writers[i % writers.Count].AddAsync($"post{i:D4}", Fingerprint ^ (ulong)i, CancellationToken.None)));

        var found = await writers[0].FindAsync(Fingerprint, CancellationToken.None);
        Assert.Equal(40, found.Count);
    }

    [Fact]
    public async Task Add_SamePostTwice_IndexesItOnce()
    {
        var index = new FingerprintBandIndex(tables);

        await index.AddAsync("twice", Fingerprint, CancellationToken.None);
        await index.AddAsync("twice", Fingerprint, CancellationToken.None);

        Assert.Single(await index.FindAsync(Fingerprint, CancellationToken.None));
    }

    private async Task<int> PostsInRowAsync(int rowIndex)
    {
        var band = TextFingerprint.BandKeys(Fingerprint)[0];
        var table = await tables.GetAsync(tables.Names.PostBands);
        var row = await table.GetEntityAsync<TableEntity>(FingerprintBandIndex.PartitionKey(band), FingerprintBandIndex.RowKey(band, rowIndex));
        return row.Value.Keys.Count(k => k.StartsWith("p_", StringComparison.Ordinal));
    }
}
