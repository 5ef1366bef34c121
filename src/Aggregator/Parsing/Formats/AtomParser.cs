using System.Xml;
using Aggregator.Parsing.Text;
using Aggregator.Parsing.Xml;

namespace Aggregator.Parsing.Formats;

/// <summary>Atom 1.0 and 0.3: nested xml:base, text constructs, several links (alternate preferred, enclosures).</summary>
internal static class AtomParser
{
    public static void ReadFeed(XmlReader reader, FeedBuilder feed, Uri? baseUri)
    {
        var atom10 = reader.NamespaceURI == XmlNames.Atom10 || reader.GetAttribute("version") is null && reader.NamespaceURI != XmlNames.Atom03;
        feed.Type = atom10 ? FeedType.Atom_1_0 : FeedType.Atom_0_3;
        baseUri = UrlResolver.CombineBase(baseUri, XmlContentReader.XmlBase(reader));
        feed.Language = reader.GetAttribute("lang", XmlNames.XmlNamespace);
        feed.Dates.NoteLanguage(feed.Language);

        var depth = XmlChildren.Enter(reader);
        while (XmlChildren.Next(reader, depth))
        {
            var local = reader.LocalName;
            var elementBase = UrlResolver.CombineBase(baseUri, XmlContentReader.XmlBase(reader));
            switch (local)
            {
                case "entry":
                    ReadEntry(reader, feed, atom10, baseUri);
                    break;
                case "title" when IsAtom(reader):
                    var title = AtomTextConstruct.Read(reader, atom10).ToPlainText();
                    feed.Title ??= title;
                    feed.Dates.NoteText(title);
                    break;
                case "subtitle" or "tagline" when IsAtom(reader):
                    feed.Description ??= AtomTextConstruct.Read(reader, atom10).ToHtml(elementBase);
                    break;
                case "link" when IsAtom(reader):
                    var (rel, href) = (reader.GetAttribute("rel") ?? "alternate", reader.GetAttribute("href"));
                    reader.Skip();
                    if (rel == "alternate")
                    {
                        feed.Link ??= UrlResolver.Resolve(href, elementBase);
                    }

                    break;
                case "updated" or "modified":
                    feed.LastUpdatedDate ??= feed.Dates.Parse(XmlContentReader.ReadText(reader));
                    break;
                case "published" or "issued":
                    feed.PublishedDate ??= feed.Dates.Parse(XmlContentReader.ReadText(reader));
                    break;
                case "logo":
                    feed.ImageUrl = UrlResolver.Resolve(XmlContentReader.ReadText(reader), elementBase);
                    break;
                case "icon":
                    feed.ImageUrl ??= UrlResolver.Resolve(XmlContentReader.ReadText(reader), elementBase);
                    break;
                case "language" when reader.NamespaceURI == XmlNames.DublinCore:
                    feed.Language ??= PlainText.Collapse(XmlContentReader.ReadText(reader));
                    feed.Dates.NoteLanguage(feed.Language);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
    }

    private static void ReadEntry(XmlReader reader, FeedBuilder feed, bool atom10, Uri? baseUri)
    {
        baseUri = UrlResolver.CombineBase(baseUri, XmlContentReader.XmlBase(reader));
        var item = new ItemBuilder();
        string? firstLink = null;
        var depth = XmlChildren.Enter(reader);
        while (XmlChildren.Next(reader, depth))
        {
            var elementBase = UrlResolver.CombineBase(baseUri, XmlContentReader.XmlBase(reader));
            switch (reader.LocalName)
            {
                case "id" when IsAtom(reader):
                    item.Id ??= XmlContentReader.ReadText(reader).Trim();
                    break;
                case "title" when IsAtom(reader):
                    item.Title ??= AtomTextConstruct.Read(reader, atom10).ToPlainText();
                    break;
                case "link" when IsAtom(reader):
                    var rel = reader.GetAttribute("rel")?.Trim() ?? "alternate";
                    var href = UrlResolver.Resolve(reader.GetAttribute("href"), elementBase);
                    if (rel == "enclosure")
                    {
                        RssItemElements.AddEnclosure(item, href, reader.GetAttribute("type"), reader.GetAttribute("length"), null);
                    }
                    else if (rel == "alternate")
                    {
                        item.Link ??= href;
                    }

                    firstLink ??= href;
                    reader.Skip();
                    break;
                case "author" when IsAtom(reader):
                    item.AddAuthor(ReadPerson(reader));
                    break;
                case "summary" when IsAtom(reader):
                    item.Description ??= AtomTextConstruct.Read(reader, atom10).ToHtml(elementBase);
                    break;
                case "content" when IsAtom(reader):
                    item.Content ??= AtomTextConstruct.Read(reader, atom10).ToHtml(elementBase);
                    break;
                case "category" when IsAtom(reader):
                    item.AddCategory(reader.GetAttribute("term") ?? reader.GetAttribute("label"));
                    reader.Skip();
                    break;
                case "published" or "issued" when IsAtom(reader):
                    item.PublishingDate ??= feed.Dates.Parse(XmlContentReader.ReadText(reader));
                    break;
                case "updated" or "modified" when IsAtom(reader):
                    item.UpdatedDate ??= feed.Dates.Parse(XmlContentReader.ReadText(reader));
                    break;
                case "source" or "contributor" when IsAtom(reader):
                    reader.Skip();
                    break;
                default:
                    // Dublin Core and the other RSS module elements appear in Atom entries too.
                    RssItemElements.Read(reader, item, feed.Dates, elementBase);
                    break;
            }
        }

        item.Link ??= firstLink;
        feed.Add(item);
    }

    private static string? ReadPerson(XmlReader reader)
    {
        string? name = null, email = null;
        var depth = XmlChildren.Enter(reader);
        while (XmlChildren.Next(reader, depth))
        {
            switch (reader.LocalName)
            {
                case "name":
                    name ??= XmlContentReader.ReadText(reader);
                    break;
                case "email":
                    email ??= XmlContentReader.ReadText(reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return AuthorNames.Format(name, email);
    }

    private static bool IsAtom(XmlReader reader) => reader.NamespaceURI is XmlNames.Atom10 or XmlNames.Atom03 || RssParser.IsCore(reader.NamespaceURI);
}
