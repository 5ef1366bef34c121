using Aggregator.Hosting;
using Aggregator.Ingestion;
using Aggregator.Ingestion.Queue;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;

namespace Aggregator.Functions;

/// <summary>
/// Ingests the one source a queue message names. A throw (storage unavailable) leaves the message to the host, which
/// delivers it again after host.json's visibilityTimeout and moves it to the poison queue after maxDequeueCount.
/// </summary>
public sealed class IngestSource(IngestionRunner runner)
{
    [Function(nameof(IngestSource))]
    public async Task RunAsync(
        [QueueTrigger(IngestQueueNames.Sources, Connection = SettingNames.Storage)] QueueMessage message,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var work = SourceWork.FromJson(message.Body.ToString()) with { Attempt = message.DequeueCount };
        await runner.RunOneAsync(work, cancellationToken);
    }
}
