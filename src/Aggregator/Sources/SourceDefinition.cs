namespace Aggregator.Sources;

/// <summary>One configured source, as read from the sources file.</summary>
public sealed record SourceDefinition
{
    /// <summary>Stable identifier: letters, digits, '-' and '_' only; it keys the source's stored state.</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>Absolute http(s) or file URL; relative paths in the sources file are resolved against the file.</summary>
    public required Uri Url { get; init; }

    public required SourceType Type { get; init; }

    /// <summary>For feeds that carry only a teaser: fetch each new item's linked page for the full text.</summary>
    public bool FullText { get; init; }

    /// <summary>Selectors for page sources, and content overrides for full-text fetching.</summary>
    public PageSelectors? Selectors { get; init; }

    /// <summary>Forces a character encoding when a source declares a wrong one.</summary>
    public string? Encoding { get; init; }

    /// <summary>Language hint (e.g. "zh", "en") for summaries when the text alone is ambiguous.</summary>
    public string? Language { get; init; }

    public bool Enabled { get; init; } = true;

    /// <summary>
    /// The operator vouches for this source as internal (an intranet feed): its fetches may connect to loopback, private
    /// and link-local addresses, which are refused for every other source (the sources file's <c>allowPrivateNetwork</c>).
    /// </summary>
    public bool AllowPrivateNetwork { get; init; }
}
