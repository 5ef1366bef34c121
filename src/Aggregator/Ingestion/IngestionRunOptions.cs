namespace Aggregator.Ingestion;

public sealed record IngestionRunOptions
{
    /// <summary>Stop starting sources after this long; those not reached are taken first by the next run.</summary>
    public TimeSpan? TimeBudget { get; init; }

    /// <summary>Ignore backoff and fetch every enabled source now (an operator's explicit run).</summary>
    public bool IgnoreBackoff { get; init; }

    /// <summary>Only these sources (by id); all when null.</summary>
    public IReadOnlyCollection<string>? SourceIds { get; init; }

    /// <summary>Told as each source starts and finishes, e.g. to draw progress on a terminal.</summary>
    public IIngestionObserver? Observer { get; init; }
}
