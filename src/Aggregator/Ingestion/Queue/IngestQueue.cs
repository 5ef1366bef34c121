using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Aggregator.Ingestion.Queue;

/// <summary>
/// The <c>ingest-sources</c> Storage queue: a run is sent as one message per source, and any number of consumers (Functions
/// instances, <c>serve --queue</c> processes) take them. Queues deliver at least once, which the stores make harmless.
/// </summary>
public sealed class IngestQueue(QueueServiceClient service)
{
    private readonly QueueClient sources = service.GetQueueClient(IngestQueueNames.Sources);
    private readonly QueueClient poison = service.GetQueueClient(IngestQueueNames.Poison);
    private volatile bool created;

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        if (created)
        {
            return;
        }

        await sources.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        created = true;
    }

    public async Task SendAsync(IEnumerable<SourceWork> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        // Sends are independent; a handful in flight keeps a 1,000-source run's enqueue well under a second or two.
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (item, ct) => await sources.SendMessageAsync(item.ToJson(), ct).ConfigureAwait(false)).ConfigureAwait(false);
    }

    public async Task<QueueMessage[]> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var received = await sources.ReceiveMessagesAsync(Math.Clamp(maxMessages, 1, 32), visibilityTimeout, cancellationToken).ConfigureAwait(false);
        return received.Value;
    }

    public Task CompleteAsync(QueueMessage message, CancellationToken cancellationToken = default) =>
        sources.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);

    /// <summary>Makes a failed message visible again after <paramref name="delay"/>, for its next delivery.</summary>
    public Task ReleaseAsync(QueueMessage message, TimeSpan delay, CancellationToken cancellationToken = default) =>
        sources.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: delay, cancellationToken: cancellationToken);

    /// <summary>Moves a message that kept failing to the poison queue, as the Functions host does.</summary>
    public async Task MoveToPoisonAsync(QueueMessage message, CancellationToken cancellationToken = default)
    {
        await poison.SendMessageAsync(message.Body.ToString(), cancellationToken).ConfigureAwait(false);
        await CompleteAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Messages waiting (approximate, as the service counts them).</summary>
    public async Task<int> CountAsync(bool poisoned = false, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var properties = await (poisoned ? poison : sources).GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
        return properties.Value.ApproximateMessagesCount;
    }
}
