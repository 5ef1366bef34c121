namespace Aggregator.Enrichment;

/// <summary>What one enrichment pass did; <see cref="Skipped"/> says why it did nothing, when it did nothing.</summary>
public sealed record EnrichmentReport
{
    public string? Skipped { get; init; }

    /// <summary>Papers due for a lookup that this pass looked at.</summary>
    public int Papers { get; init; }

    /// <summary>Papers given canonical metadata by arXiv or OpenReview.</summary>
    public int Enriched { get; init; }

    /// <summary>Title-only papers that a title search gave an arXiv id.</summary>
    public int TitlesResolved { get; init; }

    /// <summary>Papers folded into another because the lookup showed they were the same.</summary>
    public int Merged { get; init; }

    /// <summary>Papers whose lookup failed this pass (recorded on them, retried on a later run).</summary>
    public int Failed { get; init; }

    /// <summary>Titles searched plus ids looked up: the requests there would be without batching.</summary>
    public int Questions { get; init; }

    public int ArxivRequests { get; init; }

    public int OpenReviewRequests { get; init; }

    /// <summary>
    /// Why the last failed lookup failed, or why a service was not asked again (unreachable, out of time), or why the
    /// pass stopped early; null when every question was answered.
    /// </summary>
    public string? LastError { get; init; }

    public const string DisabledReason = "disabled (ENRICHMENT_ENABLED=false)";

    /// <summary>The operator turned the stage off: no question was meant to be asked.</summary>
    public bool Disabled => Skipped == DisabledReason;

    public static EnrichmentReport Skip(string reason) => new() { Skipped = reason };
}
