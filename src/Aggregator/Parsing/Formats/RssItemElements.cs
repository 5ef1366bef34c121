using System.Globalization;
using System.Xml;
using Aggregator.Parsing.Text;
using Aggregator.Parsing.Xml;

namespace Aggregator.Parsing.Formats;

/// <summary>Reads one child element of an RSS/RDF &lt;item&gt; into the item; unknown elements are skipped.</summary>
internal static class RssItemElements
{
    public static void Read(XmlReader reader, ItemBuilder item, FeedBuilder feed, Uri? baseUri)
    {
        var ns = reader.NamespaceURI;
        var core = RssParser.IsCore(ns, feed);
        switch (reader.LocalName)
        {
            case "title" when core || ns == XmlNames.DublinCore:
                var titleValue = PlainText.FromHtml(XmlContentReader.ReadText(reader));
                item.Title ??= titleValue;
                break;
            case "link" when ns == XmlNames.Atom10:
                ReadAtomLink(reader, item, baseUri);
                break;
            case "link" when core:
                var linkValue = UrlResolver.Resolve(XmlContentReader.ReadText(reader), baseUri);
                item.Link ??= linkValue;
                break;
            case "guid" when core:
                var permaLink = reader.GetAttribute("isPermaLink");
                var guid = XmlContentReader.ReadText(reader).Trim();
                item.Id ??= guid.Length == 0 ? null : guid;
                if (!string.Equals(permaLink?.Trim(), "false", StringComparison.OrdinalIgnoreCase)
                    && guid.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                {
                    item.PermaLinkGuid ??= guid;
                }

                break;
            case "identifier" when ns == XmlNames.DublinCore:
                var idValue = PlainText.Collapse(XmlContentReader.ReadText(reader));
                item.Id ??= idValue;
                break;
            case "description" or "summary" or "abstract" when core || ns == XmlNames.DublinCore:
                // feedparser's reading of an item with both: the first is the summary, the second the full content.
                var text = UrlResolver.ResolveInHtml(XmlContentReader.ReadText(reader), baseUri);
                if (item.Description is null)
                {
                    item.Description = text;
                }
                else
                {
                    item.Content ??= text;
                }

                break;
            case "encoded" when ns == XmlNames.Content:
            case "fullitem":
                var contentValue = UrlResolver.ResolveInHtml(XmlContentReader.ReadText(reader), baseUri);
                item.Content ??= contentValue;
                break;
            case "body" when core:
                var nakedBodyValue = UrlResolver.ResolveInHtml(XmlContentReader.ReadText(reader), baseUri);
                item.Content ??= nakedBodyValue;
                break;
            case "body" when ns == XmlNames.Xhtml:
                var bodyValue = UrlResolver.ResolveInHtml(XmlContentReader.ReadInnerMarkup(reader), baseUri);
                item.Content ??= bodyValue;
                break;
            case "author" when core:
            case "creator" or "author" when ns == XmlNames.DublinCore:
                item.AddAuthor(AuthorNames.FromFreeText(XmlContentReader.ReadText(reader)));
                break;
            case "category" when core:
            case "subject" when ns == XmlNames.DublinCore:
                item.AddCategory(PlainText.FromHtml(XmlContentReader.ReadText(reader)));
                break;
            case "tags" when core:
                foreach (var tag in XmlContentReader.ReadText(reader).Split(','))
                {
                    item.AddCategory(PlainText.Collapse(tag));
                }

                break;
            case "pubDate" or "issued" or "published":
                // A later date element overrides an earlier one, as in feedparser.
                item.PublishingDate = feed.Dates.Parse(XmlContentReader.ReadText(reader)) ?? item.PublishingDate;
                break;
            case "date" or "modified" or "updated":
                item.UpdatedDate = feed.Dates.Parse(XmlContentReader.ReadText(reader)) ?? item.UpdatedDate;
                break;
            case "enclosure" when core:
                AddEnclosure(item, reader.GetAttribute("url"), reader.GetAttribute("type"), reader.GetAttribute("length"), baseUri);
                reader.Skip();
                break;
            default:
                reader.Skip();
                break;
        }
    }

    private static void ReadAtomLink(XmlReader reader, ItemBuilder item, Uri? baseUri)
    {
        var rel = reader.GetAttribute("rel") ?? "alternate";
        var href = reader.GetAttribute("href");
        if (rel == "enclosure")
        {
            AddEnclosure(item, href, reader.GetAttribute("type"), reader.GetAttribute("length"), baseUri);
        }
        else if (rel == "alternate")
        {
            item.Link ??= UrlResolver.Resolve(href, baseUri);
        }

        reader.Skip();
    }

    internal static void AddEnclosure(ItemBuilder item, string? url, string? type, string? length, Uri? baseUri)
    {
        var resolved = UrlResolver.Resolve(url, baseUri);
        if (resolved is null)
        {
            return;
        }

        long? size = long.TryParse(length?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        item.Enclosures.Add(new FeedEnclosure(resolved, string.IsNullOrWhiteSpace(type) ? null : type.Trim(), size));
    }
}
