using System.Buffers;
using Aggregator.Sources;

namespace Aggregator.Publishing;

/// <summary>OPML 2.0 subscription list of the configured sources, plus this aggregator's own feeds.</summary>
internal static class OpmlWriter
{
    public static void Write(IReadOnlyList<SourceDefinition> sources, string title, string baseUrl, DateTimeOffset created, IBufferWriter<byte> output)
    {
        using var writer = FeedXml.Create(output);
        writer.WriteStartDocument();
        writer.WriteStartElement("opml");
        writer.WriteAttributeString("version", "2.0");
        writer.WriteStartElement("head");
        FeedXml.Text(writer, "title", title + " — sources");
        FeedXml.Text(writer, "dateCreated", FeedXml.Rfc822(created));
        writer.WriteEndElement();
        writer.WriteStartElement("body");

        foreach (var source in sources.Where(s => s.Enabled))
        {
            writer.WriteStartElement("outline");
            // A page source has no feed of its own; our feed filtered to it is the one a reader can subscribe to.
            var xmlUrl = source.Type == SourceType.Page
                ? baseUrl + FeedRoutes.Feed + "?source=" + Uri.EscapeDataString(source.Id)
                : source.Url.AbsoluteUri;
            writer.WriteAttributeString("type", "rss");
            writer.WriteAttributeString("text", XmlCharacters.Clean(source.Name));
            writer.WriteAttributeString("title", XmlCharacters.Clean(source.Name));
            writer.WriteAttributeString("xmlUrl", XmlCharacters.Clean(xmlUrl));
            writer.WriteAttributeString("htmlUrl", XmlCharacters.Clean(source.Type == SourceType.Page ? source.Url.AbsoluteUri : source.Url.GetLeftPart(UriPartial.Authority) + "/"));
            if (source.Language is not null)
            {
                writer.WriteAttributeString("language", source.Language);
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndDocument();
    }
}
