using System.Buffers;
using System.Globalization;

namespace Aggregator.Publishing;

/// <summary>RSS 2.0 with the content, Dublin Core and Atom (self link) extensions readers expect.</summary>
internal static class RssFeedWriter
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";
    private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private const string DcNs = "http://purl.org/dc/elements/1.1/";

    public static void Write(FeedDocument feed, IBufferWriter<byte> output)
    {
        using var writer = FeedXml.Create(output);
        writer.WriteStartDocument();
        FeedXml.Stylesheet(writer, feed.StylesheetUrl);
        writer.WriteStartElement("rss");
        writer.WriteAttributeString("version", "2.0");
        writer.WriteAttributeString("xmlns", "atom", null, AtomNs);
        writer.WriteAttributeString("xmlns", "content", null, ContentNs);
        writer.WriteAttributeString("xmlns", "dc", null, DcNs);
        writer.WriteStartElement("channel");

        FeedXml.Text(writer, "title", feed.Title);
        FeedXml.Text(writer, "link", feed.HomeUrl);
        FeedXml.Text(writer, "description", feed.Description);
        writer.WriteStartElement("atom", "link", AtomNs);
        writer.WriteAttributeString("href", XmlCharacters.Clean(feed.SelfUrl));
        writer.WriteAttributeString("rel", "self");
        writer.WriteAttributeString("type", "application/rss+xml");
        writer.WriteEndElement();
        if (feed.Updated is { } updated)
        {
            FeedXml.Text(writer, "lastBuildDate", FeedXml.Rfc822(updated));
        }

        FeedXml.Text(writer, "generator", "Aggregator");
        FeedXml.Text(writer, "ttl", feed.TtlMinutes.ToString(CultureInfo.InvariantCulture));

        foreach (var entry in feed.Entries)
        {
            WriteItem(writer, entry);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    private static void WriteItem(System.Xml.XmlWriter writer, FeedEntry entry)
    {
        writer.WriteStartElement("item");
        FeedXml.Text(writer, "title", entry.Title);
        FeedXml.Text(writer, "link", entry.Link);
        writer.WriteStartElement("guid");
        writer.WriteAttributeString("isPermaLink", "false");
        writer.WriteString(XmlCharacters.Clean(entry.Id));
        writer.WriteEndElement();
        FeedXml.Text(writer, "pubDate", FeedXml.Rfc822(entry.Published));
        if (entry.Authors.Count > 0)
        {
            FeedXml.Text(writer, "dc", "creator", DcNs, string.Join(", ", entry.Authors));
        }

        foreach (var category in entry.Categories)
        {
            writer.WriteStartElement("category");
            writer.WriteAttributeString("domain", category.Scheme);
            writer.WriteString(XmlCharacters.Clean(category.Display));
            writer.WriteEndElement();
        }

        if (entry.SummaryHtml.Length > 0)
        {
            FeedXml.Text(writer, "description", entry.SummaryHtml);
        }

        FeedXml.Text(writer, "content", "encoded", ContentNs, entry.ContentHtml);
        writer.WriteEndElement();
    }
}
