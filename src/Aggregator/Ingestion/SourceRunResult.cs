namespace Aggregator.Ingestion;

/// <summary>What one run did with one source.</summary>
public sealed record SourceRunResult(string SourceId, string SourceName, SourceOutcome Outcome)
{
    /// <summary>Posts stored for the first time.</summary>
    public int NewPosts { get; init; }

    /// <summary>Items that turned out to be copies of stored posts (another URL, a repost); their source was recorded.</summary>
    public int Duplicates { get; init; }

    /// <summary>Items already stored from an earlier run.</summary>
    public int Known { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>The failure or skip reason, for an operator.</summary>
    public string? Message { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];
}
