namespace Aggregator.Ingestion;

/// <summary>Tuning of ingest runs, bound from configuration.</summary>
public sealed class IngestionOptions
{
    /// <summary>Sources fetched at once (the fetcher also limits requests per host).</summary>
    public int MaxParallelSources { get; set; } = 4;

    /// <summary>New items read per source per run; the rest wait for the next run so one huge feed cannot starve the others.</summary>
    public int MaxNewItemsPerSource { get; set; } = 500;

    /// <summary>
    /// True: a run (timer, <c>POST /api/ingest</c>) only sends one queue message per due source, and queue consumers
    /// ingest them (the Functions app; <c>serve --queue</c>). False: the host ingests in-process (the CLI's default).
    /// </summary>
    public bool UseQueue { get; set; }

    /// <summary>Default time budget when a host gives none.</summary>
    public TimeSpan? TimeBudget { get; set; }
}
