namespace Aggregator.Enrichment;

/// <summary>An arXiv API answer: its entries, what it says it matched in all, and the errors it reported as entries.</summary>
public sealed record ArxivFeed(int? TotalResults, IReadOnlyList<ArxivEntry> Entries, IReadOnlyList<string> Errors);
