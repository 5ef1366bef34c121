namespace Aggregator.Enrichment;

/// <summary>
/// What a title search returned. <paramref name="Complete"/> is false when arXiv matched more entries than it
/// returned (opensearch:totalResults beyond the page): a title with no match in it may still have one.
/// </summary>
public sealed record ArxivTitleSearch(IReadOnlyList<ArxivEntry> Entries, bool Complete);
