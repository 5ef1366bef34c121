using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aggregator.Ingestion.Queue;

/// <summary>
/// Consumes <c>ingest-sources</c> as a Functions instance does, for hosts without the Functions runtime (the CLI's
/// <c>serve --queue</c>, the scale benchmark): up to <see cref="IngestQueueOptions.BatchSize"/> sources at once, a failed
/// message retried after a delay and moved to the poison queue after its last allowed delivery.
/// </summary>
public sealed partial class QueueConsumer(
    IngestQueue queue,
    IngestionRunner runner,
    PoisonedWork poisoned,
    IOptions<IngestQueueOptions> options,
    ILogger<QueueConsumer> logger)
{
    /// <summary>
    /// Consumes until cancelled, as the Functions host's queue listener does: a batch is taken whenever no more than
    /// <see cref="IngestQueueOptions.NewBatchThreshold"/> messages are still being ingested, so one slow source never
    /// holds the others back. With <paramref name="stopWhenIdle"/>, returns once the queue is empty and nothing it took
    /// is still being ingested (a one-shot drain, as <c>ingest --queue</c> and the scale benchmark use it).
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken, bool stopWhenIdle = false)
    {
        var running = new List<Task>();
        var idle = TimeSpan.FromMilliseconds(100);
        while (!cancellationToken.IsCancellationRequested)
        {
            running.RemoveAll(t => t.IsCompleted);
            if (running.Count > options.Value.NewBatchThreshold)
            {
                await Task.WhenAny(running).ConfigureAwait(false);
                continue;
            }

            QueueMessage[] batch;
            try
            {
                batch = await queue.ReceiveAsync(options.Value.BatchSize, options.Value.VisibilityTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The queue itself is unreachable: wait and try again, as the Functions host's listener does.
                LogPollFailed(logger, ex.Message);
                batch = [];
            }

            running.AddRange(batch.Select(m => HandleAsync(m, cancellationToken)));
            if (batch.Length > 0)
            {
                idle = TimeSpan.FromMilliseconds(100);
                continue;
            }

            if (stopWhenIdle && running.Count == 0)
            {
                break;
            }

            var wait = Task.Delay(idle, cancellationToken);
            await (running.Count > 0 ? Task.WhenAny([.. running, wait]) : wait).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, options.Value.MaxPollingInterval.Ticks));
        }

        // Let what was taken finish or see the cancellation; an unfinished message is delivered again later.
        await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Takes one batch and ingests it; the number of messages handled (0: the queue was empty).</summary>
    public async Task<int> DrainOnceAsync(CancellationToken cancellationToken)
    {
        var batch = await queue.ReceiveAsync(options.Value.BatchSize, options.Value.VisibilityTimeout, cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(batch.Select(m => HandleAsync(m, cancellationToken))).ConfigureAwait(false);
        return batch.Length;
    }

    private async Task HandleAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        SourceWork work;
        try
        {
            work = SourceWork.FromJson(message.Body.ToString()) with { Attempt = message.DequeueCount };
        }
        catch (FormatException ex)
        {
            // Not ours or corrupt: no delivery will make it readable.
            LogUnreadable(logger, message.MessageId, ex.Message);
            await queue.MoveToPoisonAsync(message, cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            await runner.RunOneAsync(work, cancellationToken).ConfigureAwait(false);
            await queue.CompleteAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (message.DequeueCount >= options.Value.MaxDequeueCount)
            {
                LogPoisoned(logger, work.SourceId, work.RunId, message.DequeueCount, ex);
                await queue.MoveToPoisonAsync(message, CancellationToken.None).ConfigureAwait(false);
                await poisoned.RecordAsync(work, message.DequeueCount, ex.Message, CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                LogRetrying(logger, work.SourceId, work.RunId, message.DequeueCount, ex.Message);
                await queue.ReleaseAsync(message, options.Value.RetryDelay, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling the ingest queue failed, trying again: {Reason}")]
    private static partial void LogPollFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue message {MessageId} is not a source work item, moved to the poison queue: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string messageId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source {Source} of run {RunId} failed on delivery {Attempt}, retrying later: {Reason}")]
    private static partial void LogRetrying(ILogger logger, string source, string runId, long attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Source {Source} of run {RunId} failed on its last delivery ({Attempt}), moved to the poison queue")]
    private static partial void LogPoisoned(ILogger logger, string source, string runId, long attempt, Exception exception);
}
