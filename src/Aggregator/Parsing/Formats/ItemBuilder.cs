namespace Aggregator.Parsing.Formats;

/// <summary>One item as read so far; the first value of each field wins, as in feedparser.</summary>
internal sealed class ItemBuilder
{
    public string? Id { get; set; }

    public string? Link { get; set; }

    /// <summary>An RSS guid with isPermaLink not "false": the item's link when it has no &lt;link&gt;.</summary>
    public string? PermaLinkGuid { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? Content { get; set; }

    public List<string> Authors { get; } = [];

    public DateTimeOffset? PublishingDate { get; set; }

    public DateTimeOffset? UpdatedDate { get; set; }

    public List<string> Categories { get; } = [];

    public List<FeedEnclosure> Enclosures { get; } = [];

    public void AddAuthor(string? author)
    {
        if (!string.IsNullOrWhiteSpace(author) && !Authors.Contains(author))
        {
            Authors.Add(author);
        }
    }

    public void AddCategory(string? category)
    {
        var term = category?.Trim();
        if (!string.IsNullOrEmpty(term))
        {
            Categories.Add(term);
        }
    }

    public FeedItem Build() => new()
    {
        Id = Id,
        Link = Link ?? PermaLinkGuid,
        Title = Title,
        Description = Description,
        Content = Content,
        Authors = Authors.Count == 0 ? [] : Authors,
        PublishingDate = PublishingDate ?? UpdatedDate,
        UpdatedDate = UpdatedDate,
        Categories = Categories.Count == 0 ? [] : Categories,
        Enclosures = Enclosures.Count == 0 ? [] : Enclosures,
    };
}
