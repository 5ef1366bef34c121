using Azure.Data.Tables;

namespace Aggregator.Storage.Tables;

/// <summary>Reads item ids newest first from the timeline, applying the row-level filters, with a bounded scan.</summary>
internal static class TimelineReader
{
    private const int ParallelReads = 8;

    /// <summary>The newest items, read by id in parallel and kept in timeline order; ids whose item is gone are skipped.</summary>
    public static async Task<IReadOnlyList<T>> NewestAsync<T>(
        TableClient timeline, string partition, FeedQuery query, int maxScan,
        Func<string, CancellationToken, Task<T?>> read, CancellationToken cancellationToken)
        where T : class
    {
        var ids = await NewestIdsAsync(timeline, partition, query, maxScan, cancellationToken).ConfigureAwait(false);
        var items = new T?[ids.Count];
        await Parallel.ForAsync(0, ids.Count, new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (i, ct) => items[i] = await read(ids[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        return items.OfType<T>().ToList();
    }

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
