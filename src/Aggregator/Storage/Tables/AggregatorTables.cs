using Azure.Data.Tables;

namespace Aggregator.Storage.Tables;

/// <summary>The table clients of one store, created on first use.</summary>
public sealed class AggregatorTables
{
    private readonly TableServiceClient service;
    private readonly Lock gate = new();
    private Task? created;

    public AggregatorTables(TableServiceClient service, TableStoreOptions options)
    {
        this.service = service;
        Names = new TableNames(options.TablePrefix);
        Options = options;
    }

    public TableNames Names { get; }

    public TableStoreOptions Options { get; }

    /// <summary>Creates the tables (and brings an older layout up to date) once per process; every store awaits this before its first request.</summary>
    public Task EnsureCreatedAsync()
    {
        lock (gate)
        {
            // A failed attempt (storage not up yet) is not cached: the next request tries again.
            if (created is null || created.IsFaulted || created.IsCanceled)
            {
                created = CreateAllAsync();
            }

            return created;
        }
    }

    public async Task<TableClient> GetAsync(string tableName)
    {
        await EnsureCreatedAsync().ConfigureAwait(false);
        return service.GetTableClient(tableName);
    }

    private async Task CreateAllAsync()
    {
        foreach (var name in Names.All)
        {
            await service.CreateTableIfNotExistsAsync(name).ConfigureAwait(false);
        }

        await LayoutMigration.RunAsync(service, Names).ConfigureAwait(false);
    }
}
