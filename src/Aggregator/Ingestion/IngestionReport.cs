namespace Aggregator.Ingestion;

/// <summary>The result of one ingest run over all sources.</summary>
public sealed record IngestionReport(IReadOnlyList<SourceRunResult> Sources, TimeSpan Elapsed)
{
    /// <summary>The metadata lookups after the sources; null when the run's time budget left no room for them.</summary>
    public Enrichment.EnrichmentReport? Enrichment { get; init; }

    public int NewPosts => Sources.Sum(s => s.NewPosts);

    public int Failed => Sources.Count(s => s.Outcome == SourceOutcome.Failed);

    /// <summary>Every source that was attempted failed: the run as a whole is a failure.</summary>
    public bool AllFailed =>
        Sources.Any(s => s.Outcome == SourceOutcome.Failed)
        && Sources.All(s => s.Outcome is SourceOutcome.Failed or SourceOutcome.Skipped or SourceOutcome.NotReached);
}
