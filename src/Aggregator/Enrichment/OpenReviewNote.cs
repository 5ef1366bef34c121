namespace Aggregator.Enrichment;

/// <summary>A submission as the OpenReview API v2 describes it.</summary>
/// <param name="PdfUrl">Absolute: OpenReview gives "/pdf/…" paths.</param>
/// <param name="Published">The note's publication date (pdate), else its creation date (cdate).</param>
public sealed record OpenReviewNote(
    string Id,
    string Title,
    IReadOnlyList<string> Authors,
    string? Abstract,
    string? Venue,
    string? PdfUrl,
    DateTimeOffset? Published);
