namespace Aggregator.Storage;

/// <summary>Filters a feed request may apply; validated by the publishing layer before it gets here.</summary>
public sealed record FeedQuery
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>Only items that this source carried.</summary>
    public string? SourceId { get; init; }

    /// <summary>Case-insensitive substring of the title or summary.</summary>
    public string? Keyword { get; init; }

    /// <summary>Only items first seen at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    public int Limit { get; init; } = DefaultLimit;

    /// <summary>Papers only: discussed by at least this many independent sources.</summary>
    public int? MinSources { get; init; }
}
