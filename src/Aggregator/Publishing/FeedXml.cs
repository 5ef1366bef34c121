using System.Buffers;
using System.Globalization;
using System.Text;
using System.Xml;

namespace Aggregator.Publishing;

/// <summary>What the XML writers share: UTF-8 without BOM, text cleaned of characters XML 1.0 forbids, and date formats.</summary>
internal static class FeedXml
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        // Cleaned text never trips the check; keeping it on turns a missed case into an error rather than a broken feed.
        CheckCharacters = true,
        NewLineHandling = NewLineHandling.Entitize,
    };

    public static XmlWriter Create(IBufferWriter<byte> output) => XmlWriter.Create(new BufferWriterStream(output), Settings);

    /// <summary>Writes an element with text content; XmlWriter escapes &amp;, &lt; and &gt; so "]]&gt;" needs no CDATA tricks.</summary>
    public static void Text(XmlWriter writer, string localName, string? text)
    {
        writer.WriteStartElement(localName);
        writer.WriteString(XmlCharacters.Clean(text));
        writer.WriteEndElement();
    }

    public static void Text(XmlWriter writer, string prefix, string localName, string ns, string? text)
    {
        writer.WriteStartElement(prefix, localName, ns);
        writer.WriteString(XmlCharacters.Clean(text));
        writer.WriteEndElement();
    }

    public static void Stylesheet(XmlWriter writer, string? href)
    {
        if (href is not null)
        {
            writer.WriteProcessingInstruction("xml-stylesheet", $"type=\"text/xsl\" href=\"{HtmlText.Escape(href)}\"");
        }
    }

    /// <summary>RFC 822 (as RFC 1123 profiles it), the only date format RSS 2.0 allows.</summary>
    public static string Rfc822(DateTimeOffset value) => value.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);

    public static string Rfc3339(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
