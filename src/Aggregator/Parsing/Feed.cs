namespace Aggregator.Parsing;

/// <summary>A parsed document: the feed's own fields, its items, and what had to be recovered to read it.</summary>
public sealed class Feed
{
    public FeedType Type { get; init; }

    public string? Title { get; init; }

    public string? Link { get; init; }

    public string? Description { get; init; }

    public string? Language { get; init; }

    public string? ImageUrl { get; init; }

    public DateTimeOffset? LastUpdatedDate { get; init; }

    /// <summary>The character encoding the bytes were decoded with (lower-case WHATWG/IANA name, e.g. "gb18030").</summary>
    public string Encoding { get; init; } = "utf-8";

    /// <summary>RSS <c>ttl</c> in minutes.</summary>
    public int? TimeToLive { get; init; }

    /// <summary>RSS <c>skipDays</c>: days on which an empty feed is expected, not an error.</summary>
    public IReadOnlyList<DayOfWeek> SkipDays { get; init; } = [];

    public IReadOnlyList<FeedItem> Items { get; init; } = [];

    /// <summary>Problems recovered from (feedparser's "bozo"): shown on the source, never fatal.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
