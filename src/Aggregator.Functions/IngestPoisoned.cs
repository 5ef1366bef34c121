using Aggregator.Hosting;
using Aggregator.Ingestion;
using Aggregator.Ingestion.Queue;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Aggregator.Functions;

/// <summary>
/// A source whose message ended in the poison queue: recorded on the source's state, where /api/health shows it. The
/// next scheduled run sends the source again, so nothing waits on an operator.
/// </summary>
public sealed class IngestPoisoned(PoisonedWork poisoned, ILogger<IngestPoisoned> logger)
{
    /// <summary>host.json's extensions.queues.maxDequeueCount: how often the message was delivered before it got here.</summary>
    internal const int MaxDequeueCount = 3;

    [Function(nameof(IngestPoisoned))]
    public async Task RunAsync(
        [QueueTrigger(IngestQueueNames.Poison, Connection = SettingNames.Storage)] QueueMessage message,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        SourceWork work;
        try
        {
            work = SourceWork.FromJson(message.Body.ToString());
        }
        catch (FormatException ex)
        {
            // Nothing to record it on; completing it keeps the poison queue from filling with what no one can read.
            logger.LogError("Poison message {MessageId} is not a source work item: {Reason}", message.MessageId, ex.Message);
            return;
        }

        await poisoned.RecordAsync(work, MaxDequeueCount, "see the IngestSource function's logs for the error", cancellationToken);
    }
}
