namespace Aggregator.Ingestion.Queue;

/// <summary>
/// How a consumer takes messages. The defaults are host.json's queue settings, so the CLI's <c>serve --queue</c>
/// consumes exactly as a Functions instance does.
/// </summary>
public sealed class IngestQueueOptions
{
    /// <summary>Messages taken at once, and so sources ingested at once per consumer.</summary>
    public int BatchSize { get; set; } = 8;

    /// <summary>Take the next batch once this many of the current one are left (host.json's newBatchThreshold).</summary>
    public int NewBatchThreshold { get; set; } = 4;

    /// <summary>Deliveries of one message before it is moved to the poison queue.</summary>
    public int MaxDequeueCount { get; set; } = 3;

    /// <summary>How long a taken message stays invisible to other consumers; past it, it is delivered again.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Wait after a failed delivery before the message is visible again (host.json's visibilityTimeout).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest wait between polls of an empty queue.</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(2);
}
