using Aggregator.Storage;

namespace Aggregator.Ingestion.Queue;

/// <summary>
/// What happens to a source whose message ended in the poison queue: its state says so, where <c>sources</c> and
/// <c>/api/health</c> show it, and the next scheduled run sends it again.
/// </summary>
public sealed class PoisonedWork(ISourceStateStore states, TimeProvider clock)
{
    public async Task RecordAsync(SourceWork work, long deliveries, string? lastError, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        var state = await states.GetAsync(work.SourceId, cancellationToken).ConfigureAwait(false) ?? new SourceState { SourceId = work.SourceId };
        var reason = lastError is { Length: > 0 } ? $": {lastError}" : "";
        await states.SaveAsync(new SourceState
        {
            SourceId = state.SourceId,
            ETag = state.ETag,
            LastModified = state.LastModified,
            LastSuccess = state.LastSuccess,
            LastAttempt = clock.GetUtcNow(),
            LastError = $"Ingest of run {work.RunId} failed {deliveries} times and was moved to the {IngestQueueNames.Poison} queue{reason}",
            FailureCount = state.FailureCount + 1,
            NextAttempt = state.NextAttempt,
            Warnings = state.Warnings,
            LastNewItems = state.LastNewItems,
            TotalItems = state.TotalItems,
        }, cancellationToken).ConfigureAwait(false);
    }
}
