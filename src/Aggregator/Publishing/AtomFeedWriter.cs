using System.Buffers;
using System.Xml;

namespace Aggregator.Publishing;

/// <summary>Atom 1.0 (RFC 4287): HTML summary and content as escaped text (type="html").</summary>
internal static class AtomFeedWriter
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";

    public static void Write(FeedDocument feed, IBufferWriter<byte> output)
    {
        using var writer = FeedXml.Create(output);
        writer.WriteStartDocument();
        FeedXml.Stylesheet(writer, feed.StylesheetUrl);
        writer.WriteStartElement("feed", AtomNs);

        FeedXml.Text(writer, "id", feed.SelfUrl);
        FeedXml.Text(writer, "title", feed.Title);
        FeedXml.Text(writer, "subtitle", feed.Description);
        // Atom requires an updated date; an empty feed has nothing newer than the epoch.
        FeedXml.Text(writer, "updated", FeedXml.Rfc3339(feed.Updated ?? DateTimeOffset.UnixEpoch));
        Link(writer, "self", feed.SelfUrl, "application/atom+xml");
        Link(writer, "alternate", feed.HomeUrl, "text/html");
        writer.WriteStartElement("author");
        FeedXml.Text(writer, "name", "Aggregator");
        writer.WriteEndElement();
        FeedXml.Text(writer, "generator", "Aggregator");

        foreach (var entry in feed.Entries)
        {
            WriteEntry(writer, entry);
        }

        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    private static void WriteEntry(XmlWriter writer, FeedEntry entry)
    {
        writer.WriteStartElement("entry");
        FeedXml.Text(writer, "id", AtomId(entry.Id));
        FeedXml.Text(writer, "title", entry.Title);
        Link(writer, "alternate", entry.Link, null);
        FeedXml.Text(writer, "published", FeedXml.Rfc3339(entry.Published));
        FeedXml.Text(writer, "updated", FeedXml.Rfc3339(entry.Updated > entry.Published ? entry.Updated : entry.Published));
        foreach (var author in entry.Authors)
        {
            writer.WriteStartElement("author");
            FeedXml.Text(writer, "name", author);
            writer.WriteEndElement();
        }

        foreach (var category in entry.Categories)
        {
            writer.WriteStartElement("category");
            writer.WriteAttributeString("term", XmlCharacters.Clean(category.Term));
            writer.WriteAttributeString("scheme", category.Scheme);
            if (category.Label is not null)
            {
                writer.WriteAttributeString("label", XmlCharacters.Clean(category.Label));
            }

            writer.WriteEndElement();
        }

        if (entry.SummaryHtml.Length > 0)
        {
            Html(writer, "summary", entry.SummaryHtml);
        }

        Html(writer, "content", entry.ContentHtml);
        writer.WriteEndElement();
    }

    /// <summary>Atom ids must be IRIs; a bare post id becomes a tag-less URN so it stays stable and valid.</summary>
    internal static string AtomId(string id) =>
        Uri.TryCreate(id, UriKind.Absolute, out var uri) && uri.Scheme.Length > 1 ? id : "urn:aggregator:" + Uri.EscapeDataString(id);

    private static void Link(XmlWriter writer, string rel, string href, string? type)
    {
        writer.WriteStartElement("link");
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("href", XmlCharacters.Clean(href));
        if (type is not null)
        {
            writer.WriteAttributeString("type", type);
        }

        writer.WriteEndElement();
    }

    private static void Html(XmlWriter writer, string name, string html)
    {
        writer.WriteStartElement(name);
        writer.WriteAttributeString("type", "html");
        writer.WriteString(XmlCharacters.Clean(html));
        writer.WriteEndElement();
    }
}
