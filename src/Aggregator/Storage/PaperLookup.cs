namespace Aggregator.Storage;

/// <summary>
/// The enrichment bookkeeping of a paper: which metadata lookups have been answered (so none is made twice), whether
/// its title was searched for an arXiv id, and the last failure with when to try again.
/// </summary>
/// <param name="Attempts">Failed lookups in a row; reset by a success.</param>
/// <param name="NextAttempt">No lookup before this time (backoff after a failure, or a service's Retry-After).</param>
/// <param name="OpenReviewNote">
/// OpenReview answered with a note (its title and authors are canonical unless arXiv answered too); false when it
/// answered that it has none, which settles the question but says nothing about the paper.
/// </param>
public sealed record PaperLookup(
    DateTimeOffset? ArxivFetched = null,
    DateTimeOffset? OpenReviewFetched = null,
    DateTimeOffset? TitleSearched = null,
    int Attempts = 0,
    DateTimeOffset? NextAttempt = null,
    string? LastError = null,
    bool OpenReviewNote = false)
{
    public static readonly PaperLookup None = new();
}
