using Azure.Data.Tables;

namespace Aggregator.Storage.Tables;

/// <summary>
/// Reads an item's main row and the rows it names with point reads, never a partition query: Azure answers a query
/// with a partition scan, Azurite with a scan of the whole table, which made reading one item slower the more items
/// were stored.
/// </summary>
internal static class PartitionReader
{
    /// <summary>The named rows that exist, read in parallel; the caller decides whether a missing one is an error.</summary>
    public static async Task<List<TableEntity>> ReadRowsAsync(
        TableClient table, string partitionKey, IEnumerable<string> rowKeys, CancellationToken cancellationToken)
    {
        var rows = await Task.WhenAll(rowKeys.Select(rowKey =>
            table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken))).ConfigureAwait(false);
        return rows.Where(r => r.HasValue).Select(r => r.Value!).ToList();
    }
}
