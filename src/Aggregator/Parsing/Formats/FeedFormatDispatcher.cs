using System.Xml;
using Aggregator.Parsing.Xml;

namespace Aggregator.Parsing.Formats;

/// <summary>Looks at the root element and hands the document to the reader for its format (Miniflux's parser.go).</summary>
internal static class FeedFormatDispatcher
{
    public static void Read(XmlReader reader, FeedBuilder feed, Uri? baseUri)
    {
        if (reader.MoveToContent() != XmlNodeType.Element)
        {
            throw new FeedParseException("The document has no root element.");
        }

        switch (reader.LocalName)
        {
            case "rss" or "channel":
                RssParser.ReadRss(reader, feed, baseUri);
                break;
            case "RDF" when RdfParser.IsRdfRoot(reader):
                RdfParser.ReadRdf(reader, feed, baseUri);
                break;
            case "feed":
                AtomParser.ReadFeed(reader, feed, baseUri);
                break;
            case "html" or "HTML":
                feed.Type = FeedType.Html;
                throw new FeedParseException("The document is an HTML page, not a feed.");
            default:
                throw new FeedParseException(
                    $"The root element <{reader.Name}> ({(reader.NamespaceURI.Length == 0 ? "no namespace" : reader.NamespaceURI)}) is not RSS, RDF or Atom.");
        }
    }

    /// <summary>JSON starts with '{' after optional whitespace (and BOM); XML never does.</summary>
    public static bool LooksLikeJson(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var first = bytes.IndexOfAnyExcept(AsciiWhitespace.Bytes);
        return first >= 0 && bytes[first] == (byte)'{';
    }
}
