using Azure.Data.Tables;

namespace Aggregator.Storage.Tables;

/// <summary>
/// Due lookups as one filtered query over the papers' main rows (their derived "LookupDue" column), projected to the
/// two columns it needs. Rows written before enrichment existed carry no such column; they join the queue the next
/// time a mention saves them.
/// </summary>
public sealed class TablePendingPaperLookups(AggregatorTables tables) : IPendingPaperLookups
{
    private static readonly string[] Columns = ["PartitionKey", PaperEntityMapper.LookupDueColumn];

    public async Task<IReadOnlyList<string>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var papers = await tables.GetAsync(tables.Names.Papers).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {"paper-"} and RowKey lt {"paper."} and LookupDue le {now}");
        var due = new List<(string Id, DateTimeOffset Due)>();
        await foreach (var row in papers.QueryAsync<TableEntity>(filter, select: Columns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            due.Add((row.PartitionKey, row.GetDateTimeOffset(PaperEntityMapper.LookupDueColumn) ?? now));
        }

        return due.OrderBy(d => d.Due).ThenBy(d => d.Id, StringComparer.Ordinal).Take(max).Select(d => d.Id).ToList();
    }
}
