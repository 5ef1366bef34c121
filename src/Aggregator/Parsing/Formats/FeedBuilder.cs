using Aggregator.Parsing.Text;

namespace Aggregator.Parsing.Formats;

/// <summary>
/// The feed as read so far. Format readers fill it while streaming, so when a document breaks off half-way whatever
/// came before the break can still be returned.
/// </summary>
internal sealed class FeedBuilder(int maxItems)
{
    private readonly List<FeedItem> items = [];
    private int droppedItems;

    public FeedType Type { get; set; }

    /// <summary>The root element's namespace: elements in it are the format's own, whatever the URI.</summary>
    public string RootNamespace { get; set; } = string.Empty;

    public string? Title { get; set; }

    public string? Link { get; set; }

    public string? Description { get; set; }

    public string? Language { get; set; }

    public string? ImageUrl { get; set; }

    public DateTimeOffset? LastUpdatedDate { get; set; }

    public DateTimeOffset? PublishedDate { get; set; }

    public int? TimeToLive { get; set; }

    public List<DayOfWeek> SkipDays { get; } = [];

    public List<string> Warnings { get; } = [];

    /// <summary>Chinese feeds write local (UTC+8) times without a zone; this decides how zone-less dates are read.</summary>
    public DateReadingContext Dates { get; } = new();

    public bool HasContent => items.Count > 0 || Title is not null || Link is not null;

    public int ItemCount => items.Count;

    public void Add(ItemBuilder item)
    {
        if (items.Count >= maxItems)
        {
            droppedItems++;
            return;
        }

        items.Add(item.Build());
    }

    public Feed Build(string encoding)
    {
        if (droppedItems > 0)
        {
            Warnings.Add($"The feed has {items.Count + droppedItems} items; items beyond the limit of {maxItems} were dropped.");
        }

        return new Feed
        {
            Type = Type,
            Title = Title,
            Link = Link,
            Description = Description,
            Language = Language,
            ImageUrl = ImageUrl,
            LastUpdatedDate = LastUpdatedDate ?? PublishedDate,
            Encoding = encoding,
            TimeToLive = TimeToLive,
            SkipDays = SkipDays.Distinct().ToArray(),
            Items = items,
            Warnings = Warnings,
        };
    }
}
