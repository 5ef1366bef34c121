using Azure.Data.Tables;
using Aggregator.Summaries;

namespace Aggregator.Storage.Tables;

/// <summary>LLM summaries by content hash in the "summaries" table, so no text is ever paid for twice.</summary>
public sealed class TableSummaryCache(AggregatorTables tables) : ISummaryCache
{
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.Summaries).ConfigureAwait(false);
        var (partition, row) = Keys(key);
        var hit = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
        return hit.HasValue ? hit.Value!.GetString("Summary") : null;
    }

    public async Task SetAsync(string key, string summary, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.Summaries).ConfigureAwait(false);
        var (partition, row) = Keys(key);
        await table.UpsertAsync(new TableEntity(partition, row) { ["Summary"] = summary }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    // Spread over 256 partitions by the hash's first byte; the key itself may hold characters keys forbid, so hash it.
    private static (string Partition, string Row) Keys(string key)
    {
        var row = TableKeys.Hashed("s", key);
        return (row.Substring(2, 2), row);
    }
}
