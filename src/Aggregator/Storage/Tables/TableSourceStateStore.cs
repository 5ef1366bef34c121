using Azure.Data.Tables;

namespace Aggregator.Storage.Tables;

/// <summary>Each source's fetch state: one row in "sources", partition "source", row key = source id.</summary>
public sealed class TableSourceStateStore(AggregatorTables tables) : ISourceStateStore
{
    private const string Partition = "source";

    public async Task<SourceState?> GetAsync(string sourceId, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.Sources).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, sourceId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? FromRow(row.Value!) : null;
    }

    public async Task<IReadOnlyList<SourceState>> ListAsync(CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.Sources).ConfigureAwait(false);
        var states = new List<SourceState>();
        await foreach (var row in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            states.Add(FromRow(row));
        }

        return states;
    }

    public async Task SaveAsync(SourceState state, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.Sources).ConfigureAwait(false);
        var row = new TableEntity(Partition, state.SourceId)
        {
            ["HttpETag"] = state.ETag,
            ["HttpLastModified"] = state.LastModified,
            ["LastError"] = state.LastError is { Length: > 4_000 } error ? error[..4_000] : state.LastError,
            ["FailureCount"] = state.FailureCount,
            ["Warnings"] = JsonColumn.Write(state.Warnings.Take(20).ToList()),
            ["LastNewItems"] = state.LastNewItems,
            ["TotalItems"] = state.TotalItems,
        };
        SetTime(row, "LastAttempt", state.LastAttempt);
        SetTime(row, "LastSuccess", state.LastSuccess);
        SetTime(row, "NextAttempt", state.NextAttempt);
        await table.UpsertAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    private static void SetTime(TableEntity row, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            row[name] = time;
        }
    }

    private static SourceState FromRow(TableEntity row) => new()
    {
        SourceId = row.RowKey,
        ETag = row.GetString("HttpETag"),
        LastModified = row.GetString("HttpLastModified"),
        LastAttempt = row.GetDateTimeOffset("LastAttempt"),
        LastSuccess = row.GetDateTimeOffset("LastSuccess"),
        NextAttempt = row.GetDateTimeOffset("NextAttempt"),
        LastError = row.GetString("LastError"),
        FailureCount = row.GetInt32("FailureCount") ?? 0,
        Warnings = JsonColumn.Read<List<string>>(row.GetString("Warnings"), []),
        LastNewItems = row.GetInt32("LastNewItems") ?? 0,
        TotalItems = row.GetInt32("TotalItems") ?? 0,
    };
}
