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
        feed.RootNamespace = reader.NamespaceURI;
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
                case "title" when IsAtom(reader, feed):
                    var title = AtomTextConstruct.Read(reader, atom10).ToPlainText();
                    feed.Title ??= title;
                    feed.Dates.NoteText(title);
                    break;
                case "subtitle" or "tagline" when IsAtom(reader, feed):
                    var descriptionValue = AtomTextConstruct.Read(reader, atom10).ToHtml(elementBase);
                    feed.Description ??= descriptionValue;
                    break;
                case "link" when IsAtom(reader, feed):
                    var (rel, href) = (reader.GetAttribute("rel") ?? "alternate", reader.GetAttribute("href"));
                    reader.Skip();
                    if (rel == "alternate")
                    {
                        feed.Link ??= UrlResolver.Resolve(href, elementBase);
                    }

                    break;
                case "updated" or "modified":
                    var lastupdateddateValue = feed.Dates.Parse(XmlContentReader.ReadText(reader));
                    feed.LastUpdatedDate ??= lastupdateddateValue;
                    break;
                case "published" or "issued":
                    var publisheddateValue = feed.Dates.Parse(XmlContentReader.ReadText(reader));
                    feed.PublishedDate ??= publisheddateValue;
                    break;
                case "logo":
                    feed.ImageUrl = UrlResolver.Resolve(XmlContentReader.ReadText(reader), elementBase);
                    break;
                case "icon":
                    var imageurlValue = UrlResolver.Resolve(XmlContentReader.ReadText(reader), elementBase);
                    feed.ImageUrl ??= imageurlValue;
                    break;
                case "language" when reader.NamespaceURI == XmlNames.DublinCore:
                    var languageValue = PlainText.Collapse(XmlContentReader.ReadText(reader));
                    feed.Language ??= languageValue;
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
                case "id" when IsAtom(reader, feed):
                    // Atom ids must be absolute IRIs; a relative one is resolved as feedparser does.
                    var idValue = UrlResolver.Resolve(XmlContentReader.ReadText(reader), elementBase);
                    item.Id ??= idValue;
                    break;
                case "title" when IsAtom(reader, feed):
                    var titleValue = AtomTextConstruct.Read(reader, atom10).ToPlainText();
                    item.Title ??= titleValue;
                    break;
                case "link" when IsAtom(reader, feed):
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
                case "author" when IsAtom(reader, feed):
                    item.AddAuthor(ReadPerson(reader));
                    break;
                case "summary" when IsAtom(reader, feed):
                    var descriptionValue = AtomTextConstruct.Read(reader, atom10).ToHtml(elementBase);
                    item.Description ??= descriptionValue;
                    break;
                case "content" when IsAtom(reader, feed):
                    var contentValue = AtomTextConstruct.Read(reader, atom10).ToHtml(elementBase);
                    item.Content ??= contentValue;
                    break;
                case "category" when IsAtom(reader, feed):
                    item.AddCategory(reader.GetAttribute("term") ?? reader.GetAttribute("label"));
                    reader.Skip();
                    break;
                case "published" or "issued" when IsAtom(reader, feed):
                    // A later date element overrides an earlier one, as in feedparser.
                    item.PublishingDate = feed.Dates.Parse(XmlContentReader.ReadText(reader)) ?? item.PublishingDate;
                    break;
                case "updated" or "modified" when IsAtom(reader, feed):
                    item.UpdatedDate = feed.Dates.Parse(XmlContentReader.ReadText(reader)) ?? item.UpdatedDate;
                    break;
                case "source" or "contributor" when IsAtom(reader, feed):
                    reader.Skip();
                    break;
                default:
                    // Dublin Core and the other RSS module elements appear in Atom entries too.
                    RssItemElements.Read(reader, item, feed, elementBase);
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
                    var nameValue = XmlContentReader.ReadText(reader);
                    name ??= nameValue;
                    break;
                case "email":
                    var emailValue = XmlContentReader.ReadText(reader);
                    email ??= emailValue;
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return AuthorNames.Format(name, email);
    }

    private static bool IsAtom(XmlReader reader, FeedBuilder feed) =>
        reader.NamespaceURI is XmlNames.Atom10 or XmlNames.Atom03 or "" || reader.NamespaceURI == feed.RootNamespace;
}
