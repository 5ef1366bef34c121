using Aggregator.Storage.Tables;
using Aggregator.Testing.Azurite;

namespace Aggregator.Tests.Storage.Tables;

/// <summary>A fresh, empty set of tables on the shared Azurite for each test.</summary>
internal static class StoreFactory
{
    public static AggregatorTables Tables(AzuriteFixture azurite) =>
        new(azurite.TableService, new TableStoreOptions { TablePrefix = "t" + Guid.NewGuid().ToString("N")[..10] });
}
