namespace Aggregator.Parsing;

/// <summary>An attached file (RSS enclosure, Atom <c>rel="enclosure"</c> link, JSON Feed attachment).</summary>
public sealed record FeedEnclosure(string Url, string? MediaType, long? Length);
