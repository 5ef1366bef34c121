using System.Text;
using System.Xml;

namespace Aggregator.Parsing.Xml;

/// <summary>Reads element content the lenient way feeds need: text and CDATA joined, stray child markup kept as markup.</summary>
internal static class XmlContentReader
{
    /// <summary>Reads the content of the element the reader is on and leaves the reader after its end tag.</summary>
    public static string ReadText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return string.Empty;
        }

        var depth = reader.Depth;
        reader.Read();
        string? first = null;
        StringBuilder? builder = null;
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            string piece;
            switch (reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    piece = reader.Value;
                    reader.Read();
                    break;
                case XmlNodeType.Element:
                    // Unescaped HTML inside an RSS description: keep it as the markup it is.
                    piece = StripXhtmlNamespace(reader.ReadOuterXml());
                    break;
                case XmlNodeType.None:
                    throw new XmlException("The document ended inside an element.");
                default:
                    reader.Read();
                    continue;
            }

            if (first is null)
            {
                first = piece;
            }
            else
            {
                builder ??= new StringBuilder(first);
                builder.Append(piece);
            }
        }

        reader.Read();
        return builder?.ToString() ?? first ?? string.Empty;
    }

    /// <summary>Inline XHTML content: the markup inside the element, without the namespace declarations XmlReader adds.</summary>
    public static string ReadInnerMarkup(XmlReader reader) => StripXhtmlNamespace(reader.ReadInnerXml());

    public static string StripXhtmlNamespace(string markup) =>
        markup.Contains("xmlns", StringComparison.Ordinal)
            ? markup.Replace(" xmlns=\"" + XmlNames.Xhtml + "\"", string.Empty, StringComparison.Ordinal)
                .Replace(" xmlns:xhtml=\"" + XmlNames.Xhtml + "\"", string.Empty, StringComparison.Ordinal)
            : markup;

    public static string? XmlBase(XmlReader reader) =>
        reader.HasAttributes ? reader.GetAttribute("base", XmlNames.XmlNamespace) : null;

    /// <summary>Skips the current element (or node) entirely.</summary>
    public static void Skip(XmlReader reader) => reader.Skip();
}
