using Aggregator.Storage.Tables;
using Aggregator.Testing.Azurite;
using Aggregator.Testing.Metadata;

namespace Aggregator.Tests.Storage.Tables;

/// <summary>Leases in the meta table: one holder at a time across instances, freed by release or by running out.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class TableWorkLeaseTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly AggregatorTables tables = StoreFactory.Tables(azurite);
    private readonly SteppingClock clock = new(T0);

    /// <summary>Another instance: its own lease object over the same tables.</summary>
    private TableWorkLease Instance() => new(tables, clock);

    [Fact]
    public async Task Acquire_WhileHeld_IsRefusedUntilReleased()
    {
        var first = await Instance().TryAcquireAsync("pass", Minute);
        var second = await Instance().TryAcquireAsync("pass", Minute);
        await Instance().ReleaseAsync(first!);
        var third = await Instance().TryAcquireAsync("pass", Minute);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.NotNull(third);
        Assert.NotEqual(first!.Holder, third!.Holder);
    }

    [Fact]
    public async Task Acquire_AfterTheHolderRanOut_Succeeds_AndTheOldHoldersReleaseLeavesTheNewOneHeld()
    {
        var crashed = await Instance().TryAcquireAsync("pass", Minute);
        clock.Advance(Minute + TimeSpan.FromSeconds(1));

        var next = await Instance().TryAcquireAsync("pass", Minute);
        await Instance().ReleaseAsync(crashed!);
        var meanwhile = await Instance().TryAcquireAsync("pass", Minute);

        Assert.NotNull(next);
        Assert.Null(meanwhile);
    }

    [Fact]
    public async Task Acquire_ManyAtOnce_ExactlyOneHolds()
    {
        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Instance().TryAcquireAsync("race", Minute)));

        Assert.Single(attempts, a => a is not null);
    }

    [Fact]
    public async Task Leases_OfDifferentNames_AreIndependent()
    {
        Assert.NotNull(await Instance().TryAcquireAsync("a", Minute));
        Assert.NotNull(await Instance().TryAcquireAsync("b", Minute));
    }
}
