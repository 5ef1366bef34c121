using Azure;
using Azure.Data.Tables;

namespace Aggregator.Storage.Tables;

/// <summary>
/// Writes all rows of one partition, atomically when they fit one entity-group transaction (100 operations, 4 MiB).
/// Larger partitions are written in several transactions with the last row (the main row, the commit point) last, so a
/// reader never sees a main row whose content rows are missing.
/// </summary>
internal static class PartitionWriter
{
    private const int MaxActions = 100;

    // Under the 4 MiB batch limit with room for framing. A Chinese character costs up to six bytes on the wire (as a
    // \uXXXX escape) though only two count towards the entity's stored size; estimate the worst case.
    private const long MaxBatchBytes = 3L * 1024 * 1024;
    private const int WireBytesPerChar = 6;

    /// <summary>Adds the rows; false when the last (main) row already existed, i.e. the item is already stored.</summary>
    public static async Task<bool> AddAsync(TableClient table, IReadOnlyList<TableEntity> rows, CancellationToken cancellationToken)
    {
        return await WriteAsync(table, rows, TableTransactionActionType.Add, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the rows if the main row is still the version <paramref name="ifMatch"/> names (null: if it does not
    /// exist); false when another writer changed it first. Atomic when the rows fit one transaction, as a paper's do.
    /// </summary>
    public static async Task<bool> WriteIfUnchangedAsync(TableClient table, IReadOnlyList<TableEntity> rows, ETag? ifMatch, CancellationToken cancellationToken)
    {
        if (ifMatch is null)
        {
            return await WriteAsync(table, rows, TableTransactionActionType.Add, cancellationToken).ConfigureAwait(false);
        }

        rows[^1].ETag = ifMatch.Value;
        return await WriteAsync(table, rows, TableTransactionActionType.UpdateReplace, cancellationToken).ConfigureAwait(false);
    }

    public static async Task UpsertAsync(TableClient table, IReadOnlyList<TableEntity> rows, CancellationToken cancellationToken)
    {
        // Upserts meet no condition, so a false here cannot happen; a real failure has already thrown.
        _ = await WriteAsync(table, rows, TableTransactionActionType.UpsertReplace, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<bool> WriteAsync(TableClient table, IReadOnlyList<TableEntity> rows, TableTransactionActionType mainAction, CancellationToken cancellationToken)
    {
        var batches = Batch(rows);
        for (var i = 0; i < batches.Count; i++)
        {
            // Content rows of a multi-batch write are upserts: a rerun after a partial write must be able to redo them.
            var actions = batches[i].Select(row => ReferenceEquals(row, rows[^1])
                ? new TableTransactionAction(mainAction, row, row.ETag)
                : new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)).ToList();
            if (!await table.SubmitIfConsistentAsync(actions, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
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
