using System.Globalization;
using Aggregator.Parsing;
using Aggregator.Parsing.Text;
using CodeHollow.FeedReader.Feeds;
using CodeHollowFeed = CodeHollow.FeedReader.Feed;
using CodeHollowItem = CodeHollow.FeedReader.FeedItem;
using CodeHollowReader = CodeHollow.FeedReader.FeedReader;
using CodeHollowType = CodeHollow.FeedReader.FeedType;

namespace Aggregator.Benchmarks.Parsing;

/// <summary>
/// CodeHollow.FeedReader 2.1.1 behind our <see cref="IFeedReader"/>, so the conformance harness can hold it to the same
/// expectations as our parser. Only its byte-array API is used, never its network one. Its results are mapped onto our
/// fields as generously as its model allows: the generic feed and item first, then its format-specific objects for
/// what the generic ones lack or bend (TTL, enclosures, Atom category terms, updated dates and author emails), and authors put into our
/// "Name (email)" shape. What it does not report at all stays empty and so fails: the encoding it decoded with, and
/// anything that needs the HTTP Content-Type or the document URL, which it has no way to be told.
/// </summary>
internal sealed class CodeHollowFeedReader : IFeedReader
{
    /// <summary>Parses without wrapping: the benchmark times and counts CodeHollow's own exceptions.</summary>
    public static CodeHollowFeed ReadRaw(byte[] document) => CodeHollowReader.ReadFromByteArray(document);

    public Feed Read(ReadOnlyMemory<byte> document, FeedReadOptions? options = null)
    {
        CodeHollowFeed feed;
        try
        {
            feed = ReadRaw(document.ToArray());
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            throw new FeedParseException($"CodeHollow.FeedReader threw {error.GetType().Name}: {error.Message}", error);
        }

        return Map(feed);
    }

    private static Feed Map(CodeHollowFeed feed) => new()
    {
        Type = TypeOf(feed),
        Title = feed.Title,
        Link = feed.Link,
        Description = feed.Description ?? (feed.SpecificFeed as AtomFeed)?.Subtitle,
        Language = feed.Language,
        ImageUrl = feed.ImageUrl,
        LastUpdatedDate = Offset(feed.LastUpdatedDate),
        // CodeHollow does not say which encoding it decoded with; an empty name fails every encoding expectation.
        Encoding = string.Empty,
        TimeToLive = feed.SpecificFeed switch
        {
            Rss20Feed rss => Minutes(rss.TTL),
            MediaRssFeed media => Minutes(media.TTL),
            _ => null,
        },
        Items = feed.Items.Select(MapItem).ToArray(),
    };

    private static FeedItem MapItem(CodeHollowItem item)
    {
        var atom = item.SpecificItem as AtomFeedItem;
        return new FeedItem
        {
            Id = item.Id,
            Link = item.Link,
            Title = item.Title,
            Description = item.Description,
            Content = item.Content,
            Authors = Author(item, atom) is { } author ? [author] : [],
            PublishingDate = Offset(item.PublishingDate),
            UpdatedDate = Offset(atom?.UpdatedDate),
            // Its generic categories give an Atom category's label; the term is what feedparser and we report.
            Categories = atom?.CategoryDetails?.Select(c => c.Term ?? c.Label).OfType<string>().ToArray() ?? item.Categories?.ToArray() ?? [],
            Enclosures = Enclosures(item.SpecificItem),
        };
    }

    private static string? Author(CodeHollowItem item, AtomFeedItem? atom) => atom?.Author is { } person
        ? AuthorNames.Format(person.Name, person.EMail)
        : AuthorNames.FromFreeText(item.Author);

    private static FeedEnclosure[] Enclosures(BaseFeedItem? item) => item switch
    {
        Rss20FeedItem { Enclosure: { } e } => EnclosureOrNone(e),
        MediaRssFeedItem { Enclosure: { } e } => EnclosureOrNone(e),
        Rss092FeedItem { Enclosure: { } e } => EnclosureOrNone(e),
        AtomFeedItem atom => atom.Links?.Where(l => l.Relation == "enclosure" && l.Href is not null)
            .Select(l => new FeedEnclosure(l.Href, l.LinkType, l.Length)).ToArray() ?? [],
        JsonFeedItem json => json.Attachments?.Where(a => a.Url is not null)
            .Select(a => new FeedEnclosure(a.Url, a.MimeType, a.SizeInBytes)).ToArray() ?? [],
        _ => [],
    };

    private static FeedEnclosure[] EnclosureOrNone(FeedItemEnclosure e) => e.Url is null ? [] : [new FeedEnclosure(e.Url, e.MediaType, e.Length)];

    private static FeedType TypeOf(CodeHollowFeed feed) => feed.Type switch
    {
        CodeHollowType.Rss_0_91 => FeedType.Rss_0_91,
        CodeHollowType.Rss_0_92 => FeedType.Rss_0_92,
        CodeHollowType.Rss_1_0 => FeedType.Rss_1_0,
        // MediaRss is RSS 2.0 with the media namespace; "Rss" is an <rss> without a version, which we read as 2.0 too.
        CodeHollowType.Rss_2_0 or CodeHollowType.MediaRss or CodeHollowType.Rss => FeedType.Rss_2_0,
        // CodeHollow does not tell Atom 0.3 from 1.0; 1.0 is what nearly every Atom feed is.
        CodeHollowType.Atom => FeedType.Atom_1_0,
        CodeHollowType.JsonFeed => (feed.SpecificFeed as JsonFeed)?.Version?.EndsWith("/1", StringComparison.Ordinal) == true
            ? FeedType.JsonFeed_1_0
            : FeedType.JsonFeed_1_1,
        _ => FeedType.Unknown,
    };

    private static int? Minutes(string? ttl) =>
        int.TryParse(ttl, NumberStyles.Integer, CultureInfo.InvariantCulture, out var minutes) ? minutes : null;

    /// <summary>CodeHollow returns DateTime; one without a kind is taken as UTC, the reading most feeds intend.</summary>
    private static DateTimeOffset? Offset(DateTime? date) => date is { } d
        ? new DateTimeOffset(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d)
        : null;
}
