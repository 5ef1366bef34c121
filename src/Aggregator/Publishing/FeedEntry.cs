namespace Aggregator.Publishing;

/// <summary>One item of a <see cref="FeedDocument"/>; HTML members are already sanitised and safe to emit.</summary>
internal sealed record FeedEntry
{
    /// <summary>Stable identity (the post or paper id): a changed entry keeps it, so readers update instead of duplicating.</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Link { get; init; }

    public required DateTimeOffset Published { get; init; }

    public required DateTimeOffset Updated { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>Plain-text summary, attribution included.</summary>
    public string SummaryText { get; init; } = "";

    public string SummaryHtml { get; init; } = "";

    public string ContentHtml { get; init; } = "";

    public IReadOnlyList<FeedCategory> Categories { get; init; } = [];

    /// <summary>The item's language ("zh", "en"), for the browser page's lang attribute; null when unknown.</summary>
    public string? Language { get; init; }
}
