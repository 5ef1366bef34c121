namespace Aggregator.Ingestion.Queue;

/// <summary>The Storage queues of the fan-out; infra/main.bicep creates the same two.</summary>
public static class IngestQueueNames
{
    /// <summary>One message per source to ingest (<see cref="SourceWork"/>).</summary>
    public const string Sources = "ingest-sources";

    /// <summary>Where a message goes after <see cref="IngestQueueOptions.MaxDequeueCount"/> failed deliveries (the Functions host's own convention).</summary>
    public const string Poison = Sources + "-poison";
}
