namespace Aggregator.Parsing;

/// <summary>
/// One normalised entry, whatever the format. Shaped like CodeHollow.FeedReader's <c>FeedItem</c> (Id, Link, Title,
/// Description, Content, PublishingDate, Categories) with the fields it lacks (several authors, updated date, enclosures).
/// </summary>
public sealed class FeedItem
{
    /// <summary>guid / atom:id / JSON id as published; null when the source gives none.</summary>
    public string? Id { get; init; }

    /// <summary>Absolute URL of the item (resolved against xml:base / the document URL).</summary>
    public string? Link { get; init; }

    /// <summary>Plain text: entities decoded, markup stripped, whitespace collapsed.</summary>
    public string? Title { get; init; }

    /// <summary>The summary or description, as HTML (not yet sanitised).</summary>
    public string? Description { get; init; }

    /// <summary>The full content (content:encoded, Atom content, JSON content_html), as HTML (not yet sanitised).</summary>
    public string? Content { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>Null when the item carries no parseable date; ingestion then uses the time it was first seen.</summary>
    public DateTimeOffset? PublishingDate { get; init; }

    public DateTimeOffset? UpdatedDate { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<FeedEnclosure> Enclosures { get; init; } = [];
}
