namespace Aggregator.Ingestion;

/// <summary>
/// A run as its starter saw it: its id, the sources it covers, and the report when it ran in-process (null when it was
/// sent to the queue, whose consumers report per source).
/// </summary>
public sealed record IngestionStart(string RunId, int Sources, IngestionReport? Report);
