using Aggregator.AzureStorage.Tables;

namespace Aggregator.Storage.Tables;

/// <summary>
/// Writes all rows of one partition, atomically when they fit one entity-group transaction (100 operations, 4 MiB).
/// Larger partitions are written in several transactions with the last row (the main row, the commit point) last, so a
/// reader never sees a main row whose content rows are missing.
/// </summary>
internal static class PartitionWriter
{
    private const int MaxActions = 100;

    // Under the 4 MiB batch limit with room for framing. The table client sends JSON as ASCII, so a Chinese character
    // costs six bytes on the wire (\uXXXX) though only two count towards the entity's stored size.
    private const long MaxBatchBytes = 3L * 1024 * 1024;
    private const int WireBytesPerChar = 6;

    /// <summary>Adds the rows; false when the last (main) row already existed, i.e. the item is already stored.</summary>
    public static async Task<bool> AddAsync(TableClient table, IReadOnlyList<TableEntity> rows, CancellationToken cancellationToken)
    {
        try
        {
            await WriteAsync(table, rows, TableTransactionActionType.Add, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
        catch (TableEntityAlreadyExistsException)
        {
            return false;
        }
    }

    public static Task UpsertAsync(TableClient table, IReadOnlyList<TableEntity> rows, CancellationToken cancellationToken) =>
        WriteAsync(table, rows, TableTransactionActionType.UpsertReplace, cancellationToken);

    private static async Task WriteAsync(TableClient table, IReadOnlyList<TableEntity> rows, TableTransactionActionType mainAction, CancellationToken cancellationToken)
    {
        var batches = Batch(rows);
        for (var i = 0; i < batches.Count; i++)
        {
            var last = i == batches.Count - 1;
            // Content rows of a multi-batch write are upserts: a rerun after a partial write must be able to redo them.
            var actions = batches[i].Select(row => new TableTransactionAction(
                last && batches.Count == 1 ? mainAction
                : last && ReferenceEquals(row, rows[^1]) ? mainAction
                : TableTransactionActionType.UpsertReplace, row)).ToList();
            await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }
    }

    private static List<List<TableEntity>> Batch(IReadOnlyList<TableEntity> rows)
    {
        var batches = new List<List<TableEntity>> { new() };
        long bytes = 0;
        foreach (var row in rows)
        {
            var size = EstimateBytes(row);
            if (batches[^1].Count == MaxActions || (batches[^1].Count > 0 && bytes + size > MaxBatchBytes))
            {
                batches.Add([]);
                bytes = 0;
            }

            batches[^1].Add(row);
            bytes += size;
        }

        return batches;
    }

    private static long EstimateBytes(TableEntity row) =>
        512 + row.Sum(p => p.Key.Length + (p.Value is string s ? s.Length * (long)WireBytesPerChar : 32));
}
