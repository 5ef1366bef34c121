using Azure.Data.Tables;
using Aggregator.Storage.Tables;
using Aggregator.Testing.Azurite;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Aggregator.Tests.Storage.Tables;

/// <summary>A fresh, empty set of tables on the shared Azurite for each test.</summary>
internal static class StoreFactory
{
    public static AggregatorTables Tables(AzuriteFixture azurite) => new(azurite.TableService, Options());

    /// <summary>The same, through a client that passes every request through <paramref name="policy"/>.</summary>
    public static AggregatorTables Tables(AzuriteFixture azurite, HttpPipelinePolicy policy)
    {
        var client = new TableClientOptions();
        client.AddPolicy(policy, HttpPipelinePosition.PerCall);
        return new(new TableServiceClient(azurite.ConnectionString, client), Options());
    }

    private static TableStoreOptions Options() => new() { TablePrefix = "t" + Guid.NewGuid().ToString("N")[..10] };
}
