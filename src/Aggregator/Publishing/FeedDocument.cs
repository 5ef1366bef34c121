namespace Aggregator.Publishing;

/// <summary>A feed independent of its format: what RSS, Atom and JSON Feed writers all render.</summary>
internal sealed record FeedDocument
{
    public required string Title { get; init; }

    public required string Description { get; init; }

    /// <summary>Absolute URL of this very feed, in this format and with these filters.</summary>
    public required string SelfUrl { get; init; }

    /// <summary>Absolute URL of the site the feed belongs to.</summary>
    public required string HomeUrl { get; init; }

    /// <summary>Absolute URL of the browser stylesheet for the XML formats; null for none.</summary>
    public string? StylesheetUrl { get; init; }

    /// <summary>The newest change among the entries; null for an empty feed.</summary>
    public DateTimeOffset? Updated { get; init; }

    public int TtlMinutes { get; init; }

    public required IReadOnlyList<FeedEntry> Entries { get; init; }
}
