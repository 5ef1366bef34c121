namespace Aggregator.Sources;

/// <summary>
/// CSS selectors that turn an HTML list page into items. When <see cref="Item"/> is absent the page itself is one post.
/// </summary>
public sealed record PageSelectors
{
    /// <summary>Each element matched is one item on a list page.</summary>
    public string? Item { get; init; }

    /// <summary>Within an item: the element whose <c>href</c> is the item's link (default: the first <c>a[href]</c>).</summary>
    public string? Link { get; init; }

    /// <summary>Within an item: the element whose text is the title (default: the link's text).</summary>
    public string? Title { get; init; }

    /// <summary>Within an item: the element whose text or <c>datetime</c> attribute is the date.</summary>
    public string? Date { get; init; }

    /// <summary>On an article page: the element holding the article body; overrides main-content scoring.</summary>
    public string? Content { get; init; }

    /// <summary>On an article page: elements to drop before extraction (share bars, "related articles").</summary>
    public IReadOnlyList<string> Remove { get; init; } = [];
}
