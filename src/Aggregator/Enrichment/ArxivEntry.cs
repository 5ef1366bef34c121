namespace Aggregator.Enrichment;

/// <summary>One paper as the arXiv API describes it.</summary>
/// <param name="Id">Version-less id: "2305.18290", "hep-th/9711200".</param>
/// <param name="Version">The latest version, from the entry's versioned id ("…v3").</param>
/// <param name="Published">When version 1 appeared.</param>
public sealed record ArxivEntry(
    string Id,
    int? Version,
    string Title,
    IReadOnlyList<string> Authors,
    string? Abstract,
    string? PrimaryCategory,
    DateTimeOffset? Published,
    string? PdfUrl,
    string? JournalRef,
    string? Doi);
