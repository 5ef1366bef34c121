using Azure.Data.Tables;

namespace Aggregator.Storage.Tables;

/// <summary>The data version as one row in "meta": a poll that finds nothing new costs this one point read.</summary>
public sealed class TableDataVersion(AggregatorTables tables, TimeProvider clock) : IDataVersion
{
    private const string Partition = "meta";
    private const string Row = "version";

    public async Task<string> GetAsync(CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.Meta).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? row.Value!.GetString("Version") ?? "0" : "0";
    }

    public async Task BumpAsync(CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.Meta).ConfigureAwait(false);
        // A fresh unique value rather than a counter: no read-modify-write race between concurrent writers.
        var version = $"{clock.GetUtcNow().UtcTicks:x}-{Guid.NewGuid():N}"[..28];
        await table.UpsertAsync(new TableEntity(Partition, Row) { ["Version"] = version },
            TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }
}
