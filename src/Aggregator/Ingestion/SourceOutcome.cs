namespace Aggregator.Ingestion;

/// <summary>How one source fared in one run.</summary>
public enum SourceOutcome
{
    /// <summary>Fetched and read; <see cref="SourceRunResult.NewPosts"/> says whether anything was new.</summary>
    Ingested,

    /// <summary>The source answered 304 Not Modified (or the file did not change): nothing to read.</summary>
    Unchanged,

    /// <summary>Fetching or reading failed; the error is stored on the source and it backs off.</summary>
    Failed,

    /// <summary>Backing off after earlier failures, or disabled.</summary>
    Skipped,

    /// <summary>The run's time budget ran out before this source's turn; the next run takes it first.</summary>
    NotReached,
}
