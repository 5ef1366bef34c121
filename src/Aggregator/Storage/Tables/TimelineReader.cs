using Aggregator.AzureStorage.Tables;

namespace Aggregator.Storage.Tables;

/// <summary>Reads item ids newest first from the timeline, applying the row-level filters, with a bounded scan.</summary>
internal static class TimelineReader
{
    public static async Task<IReadOnlyList<string>> NewestIdsAsync(
        TableClient timeline, string partition, FeedQuery query, int maxScan, CancellationToken cancellationToken)
    {
        var filtered = TimelineRow.HasRowFilter(query);
        // Unfiltered, one page of exactly Limit rows answers; filtered, read larger pages until enough rows match.
        var pageSize = filtered ? 1_000 : Math.Clamp(query.Limit, 1, 1_000);
        var ids = new List<string>(query.Limit);
        var scanned = 0;
        await foreach (var row in timeline.QueryAsync<TableEntity>(
            TimelineRow.Filter(partition, query.Since), pageSize, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            scanned++;
            if (TimelineRow.Matches(row, query) && row.GetString("ItemId") is { } id)
            {
                ids.Add(id);
                if (ids.Count >= query.Limit)
                {
                    break;
                }
            }

            if (scanned >= maxScan)
            {
                break;
            }
        }

        return ids;
    }
}
