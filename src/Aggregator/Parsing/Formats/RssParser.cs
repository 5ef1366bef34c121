using System.Globalization;
using System.Xml;
using Aggregator.Parsing.Text;
using Aggregator.Parsing.Xml;

namespace Aggregator.Parsing.Formats;

/// <summary>
/// RSS 0.9x and 2.0 (root &lt;rss&gt;, or a bare &lt;channel&gt;), plus the channel/item vocabulary RSS 1.0 shares,
/// with the Dublin Core, content:encoded, xhtml:body and Atom elements feeds mix in.
/// </summary>
internal static class RssParser
{
    public static void ReadRss(XmlReader reader, FeedBuilder feed, Uri? baseUri)
    {
        feed.Type = reader.GetAttribute("version")?.Trim() switch
        {
            "0.91" => FeedType.Rss_0_91,
            "0.92" or "0.93" or "0.94" => FeedType.Rss_0_92,
            _ => FeedType.Rss_2_0,
        };
        ReadChildrenOfRoot(reader, feed, baseUri);
    }

    /// <summary>Children of &lt;rss&gt; or &lt;rdf:RDF&gt;: the channel, and (RSS 1.0) items, image beside it.</summary>
    public static void ReadChildrenOfRoot(XmlReader reader, FeedBuilder feed, Uri? baseUri)
    {
        feed.RootNamespace = reader.NamespaceURI;
        baseUri = UrlResolver.CombineBase(baseUri, XmlContentReader.XmlBase(reader));
        if (reader.LocalName == "channel")
        {
            ReadChannel(reader, feed, baseUri);
            return;
        }

        var depth = XmlChildren.Enter(reader);
        while (XmlChildren.Next(reader, depth))
        {
            switch (reader.LocalName)
            {
                case "channel":
                    ReadChannel(reader, feed, baseUri);
                    break;
                case "item":
                    ReadItem(reader, feed, baseUri);
                    break;
                case "image" when feed.ImageUrl is null:
                    feed.ImageUrl = ReadImageUrl(reader, baseUri);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
    }

    private static void ReadChannel(XmlReader reader, FeedBuilder feed, Uri? baseUri)
    {
        baseUri = UrlResolver.CombineBase(baseUri, XmlContentReader.XmlBase(reader));
        var depth = XmlChildren.Enter(reader);
        while (XmlChildren.Next(reader, depth))
        {
            var ns = reader.NamespaceURI;
            switch (reader.LocalName)
            {
                case "item":
                    ReadItem(reader, feed, baseUri);
                    break;
                case "title" when IsCore(ns, feed) || ns == XmlNames.DublinCore:
                    var title = PlainText.FromHtml(XmlContentReader.ReadText(reader));
                    feed.Title ??= title;
                    feed.Dates.NoteText(title);
                    break;
                case "link" when ns == XmlNames.Atom10:
                    var (rel, href) = (reader.GetAttribute("rel") ?? "alternate", reader.GetAttribute("href"));
                    reader.Skip();
                    if (rel == "alternate")
                    {
                        feed.Link ??= UrlResolver.Resolve(href, baseUri);
                    }

                    break;
                case "link" when IsCore(ns, feed):
                    var linkValue = UrlResolver.Resolve(XmlContentReader.ReadText(reader), baseUri);
                    feed.Link ??= linkValue;
                    break;
                case "description" or "tagline" or "subtitle" when IsCore(ns, feed) || ns == XmlNames.DublinCore:
                    var descriptionValue = UrlResolver.ResolveInHtml(XmlContentReader.ReadText(reader), baseUri);
                    feed.Description ??= descriptionValue;
                    break;
                case "language" when IsCore(ns, feed) || ns == XmlNames.DublinCore:
                    var languageValue = PlainText.Collapse(XmlContentReader.ReadText(reader));
                    feed.Language ??= languageValue;
                    feed.Dates.NoteLanguage(feed.Language);
                    break;
                case "lastBuildDate" or "date" or "modified" or "updated":
                    var lastupdateddateValue = feed.Dates.Parse(XmlContentReader.ReadText(reader));
                    feed.LastUpdatedDate ??= lastupdateddateValue;
                    break;
                case "pubDate" or "issued" or "published":
                    var publisheddateValue = feed.Dates.Parse(XmlContentReader.ReadText(reader));
                    feed.PublishedDate ??= publisheddateValue;
                    break;
                case "ttl" when IsCore(ns, feed):
                    var timetoliveValue = int.TryParse(XmlContentReader.ReadText(reader).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var ttl) ? ttl : (int?)null;
                    feed.TimeToLive ??= timetoliveValue;
                    break;
                case "skipDays" when IsCore(ns, feed):
                    ReadSkipDays(reader, feed);
                    break;
                case "image" when IsCore(ns, feed) && feed.ImageUrl is null:
                    feed.ImageUrl = ReadImageUrl(reader, baseUri);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
    }

    private static void ReadItem(XmlReader reader, FeedBuilder feed, Uri? baseUri)
    {
        baseUri = UrlResolver.CombineBase(baseUri, XmlContentReader.XmlBase(reader));
        var item = new ItemBuilder();
        if (reader.HasAttributes && reader.GetAttribute("about", XmlNames.Rdf) is { Length: > 0 } about)
        {
            // RSS 1.0 items are named by rdf:about; feedparser takes it as the id.
            item.Id = about.Trim();
        }

        var depth = XmlChildren.Enter(reader);
        while (XmlChildren.Next(reader, depth))
        {
            RssItemElements.Read(reader, item, feed, baseUri);
        }

        feed.Add(item);
    }

    private static void ReadSkipDays(XmlReader reader, FeedBuilder feed)
    {
        var depth = XmlChildren.Enter(reader);
        while (XmlChildren.Next(reader, depth))
        {
            if (reader.LocalName == "day" && Enum.TryParse<DayOfWeek>(XmlContentReader.ReadText(reader).Trim(), ignoreCase: true, out var day))
            {
                feed.SkipDays.Add(day);
            }
            else if (reader.NodeType == XmlNodeType.Element)
            {
                reader.Skip();
            }
        }
    }

    private static string? ReadImageUrl(XmlReader reader, Uri? baseUri)
    {
        // RSS 1.0 names the image by rdf:resource/rdf:about as well as by a <url> child.
        var url = reader.GetAttribute("resource", XmlNames.Rdf) ?? reader.GetAttribute("about", XmlNames.Rdf);
        var depth = XmlChildren.Enter(reader);
        while (XmlChildren.Next(reader, depth))
        {
            if (reader.LocalName == "url")
            {
                url = XmlContentReader.ReadText(reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return UrlResolver.Resolve(url, baseUri);
    }

    /// <summary>
    /// RSS core elements: no namespace, an RSS 1.0/0.9 namespace, or the namespace the root element is in (some publish
    /// RSS 2.0 in a made-up one). An extension reusing a core name ("foo:description") is not core.
    /// </summary>
    internal static bool IsCore(string ns, FeedBuilder feed) =>
        ns.Length == 0 || ns is XmlNames.Rss10 or XmlNames.Rss090 || ns == feed.RootNamespace;
}
