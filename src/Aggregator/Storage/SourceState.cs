namespace Aggregator.Storage;

/// <summary>What the aggregator remembers about a source between runs: validators, health and backoff.</summary>
public sealed class SourceState
{
    public required string SourceId { get; init; }

    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    public DateTimeOffset? LastAttempt { get; init; }

    public DateTimeOffset? LastSuccess { get; init; }

    /// <summary>The last failure, written for an operator; null after a success.</summary>
    public string? LastError { get; init; }

    /// <summary>Consecutive failures; drives exponential backoff.</summary>
    public int FailureCount { get; init; }

    /// <summary>No fetch before this time (backoff or the server's Retry-After).</summary>
    public DateTimeOffset? NextAttempt { get; init; }

    /// <summary>Recoverable problems seen in the last successful run (encoding guessed, markup repaired, truncated).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public int LastNewItems { get; init; }

    public int TotalItems { get; init; }
}
