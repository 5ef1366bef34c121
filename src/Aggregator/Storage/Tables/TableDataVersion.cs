using Azure.Data.Tables;

namespace Aggregator.Storage.Tables;

/// <summary>
/// The data version as one row in "meta". Read at most once per <see cref="CheckInterval"/> per instance: under load
/// every feed request asks, and a point read each would cost more than serving the cached feed. Requests in between
/// get the last answer, including a failed one, so a storage outage is not hammered (or waited on) by every request. A
/// bump through this instance is seen at once; one by another process within the interval.
/// </summary>
public sealed class TableDataVersion(AggregatorTables tables, TimeProvider clock) : IDataVersion
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    private const string Partition = "meta";
    private const string Row = "version";

    private readonly Lock refreshing = new();
    private Snapshot? last;
    private Task<string>? refresh;

    public Task<string> GetAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = Volatile.Read(ref last);
        if (snapshot is not null && clock.GetElapsedTime(snapshot.CheckedAt) < CheckInterval)
        {
            return snapshot.Answer;
        }

        var reading = StartRead();
        // With an answer in hand, requests keep it while one read is under way: the version is at most a read old.
        return snapshot is not null ? snapshot.Answer : reading.WaitAsync(cancellationToken);
    }

    public async Task BumpAsync(CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.Meta).ConfigureAwait(false);
        // A fresh unique value rather than a counter: no read-modify-write race between concurrent writers.
        var version = $"{clock.GetUtcNow().UtcTicks:x}-{Guid.NewGuid():N}"[..28];
        await table.UpsertAsync(new TableEntity(Partition, Row) { ["Version"] = version },
            TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        var now = clock.GetTimestamp();
        Publish(new Snapshot(Task.FromResult(version), now, now));
    }

    /// <summary>The read under way, or a new one; shared, so it is never cancelled by one caller going away.</summary>
    private Task<string> StartRead()
    {
        lock (refreshing)
        {
            return refresh ??= ReadAsync();
        }
    }

    private async Task<string> ReadAsync()
    {
        await Task.Yield();
        var startedAt = clock.GetTimestamp();
        Task<string> answer;
        try
        {
            answer = Task.FromResult(await ReadStoredAsync().ConfigureAwait(false));
        }
        catch (Exception e)
        {
            answer = Task.FromException<string>(e);
            // Observed here: callers that see it rethrow it, and one nobody asked for again must not be reported as lost.
            _ = answer.Exception;
        }

        Publish(new Snapshot(answer, startedAt, clock.GetTimestamp()));
        lock (refreshing)
        {
            refresh = null;
        }

        return await answer.ConfigureAwait(false);
    }

    private async Task<string> ReadStoredAsync()
    {
        var table = await tables.GetAsync(tables.Names.Meta).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, Row).ConfigureAwait(false);
        return row.HasValue ? row.Value!.GetString("Version") ?? "0" : "0";
    }

    /// <summary>Keeps the newer of two answers: a read that started before a bump must not bring back the old version.</summary>
    private void Publish(Snapshot snapshot)
    {
        var current = Volatile.Read(ref last);
        while (current is null || current.StartedAt <= snapshot.StartedAt)
        {
            var seen = Interlocked.CompareExchange(ref last, snapshot, current);
            if (ReferenceEquals(seen, current))
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>An answer (a version, or the failure), when the read behind it started, and when it was known.</summary>
    private sealed record Snapshot(Task<string> Answer, long StartedAt, long CheckedAt);
}
