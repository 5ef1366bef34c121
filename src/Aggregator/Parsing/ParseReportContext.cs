namespace Aggregator.Parsing;

/// <summary>
/// What the caller of <see cref="ParseReport"/> knows beyond the feed: where it came from, and how to canonicalise an
/// item link (link canonicalisation belongs to the extraction stage, so it is passed in; null omits the field).
/// </summary>
public sealed record ParseReportContext(string? Source = null, Func<string, string?>? CanonicalizeLink = null);
