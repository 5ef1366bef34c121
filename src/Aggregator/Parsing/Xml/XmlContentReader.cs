using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using Aggregator.Parsing.Text;

namespace Aggregator.Parsing.Xml;

/// <summary>Reads element content the lenient way feeds need: text and CDATA joined, stray child markup kept as markup.</summary>
internal static partial class XmlContentReader
{
    /// <summary>Reads the content of the element the reader is on and leaves the reader after its end tag.</summary>
    public static string ReadText(XmlReader reader) => ReadText(reader, out _);

    /// <summary>As <see cref="ReadText(XmlReader)"/>; <paramref name="sawMarkup"/> tells whether child elements were kept as markup.</summary>
    public static string ReadText(XmlReader reader, out bool sawMarkup)
    {
        sawMarkup = false;
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
                    piece = StripFeedNamespaces(reader.ReadOuterXml());
                    sawMarkup = true;
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
        return WindowsControlCharacters.Replace(builder?.ToString() ?? first ?? string.Empty);
    }

    /// <summary>Inline XHTML content: the markup inside the element, without the namespace declarations XmlReader adds.</summary>
    public static string ReadInnerMarkup(XmlReader reader) => WindowsControlCharacters.Replace(StripFeedNamespaces(reader.ReadInnerXml()));

    /// <summary>
    /// Markup copied out of a feed carries the declarations of the feed's own namespaces (XHTML, Atom, RSS 1.0), which
    /// mean nothing in HTML; declarations of other vocabularies (SVG, MathML) stay.
    /// </summary>
    public static string StripFeedNamespaces(string markup) =>
        markup.Contains("xmlns", StringComparison.Ordinal) ? FeedNamespaceDeclaration().Replace(markup, string.Empty) : markup;

    [GeneratedRegex(@"\sxmlns(?::\w+)?=""(?:http://www\.w3\.org/1999/xhtml|http://www\.w3\.org/2005/Atom|http://purl\.org/atom/ns#|http://purl\.org/rss/1\.0/|http://backend\.userland\.com/rss2|)""", RegexOptions.CultureInvariant)]
    private static partial Regex FeedNamespaceDeclaration();

    public static string? XmlBase(XmlReader reader) =>
        reader.HasAttributes ? reader.GetAttribute("base", XmlNames.XmlNamespace) : null;

    /// <summary>Skips the current element (or node) entirely.</summary>
    public static void Skip(XmlReader reader) => reader.Skip();
}
