using System.Text;
using Aggregator.Parsing.Encodings;
using Aggregator.Parsing.Formats;

namespace Aggregator.Parsing;

/// <summary>
/// Reads RSS 0.9x/2.0, RSS 1.0/RDF, Atom 0.3/1.0 and JSON Feed 1.0/1.1 into the normalised <see cref="Feed"/>, as
/// leniently as feedparser: wrong charsets, HTML entities, stray '&amp;' and truncated documents are recovered from and
/// reported in <see cref="Feed.Warnings"/>. Stateless and thread-safe; DTDs and external entities are never resolved.
/// </summary>
public sealed class FeedReader : IFeedReader
{
    public Feed Read(ReadOnlyMemory<byte> document, FeedReadOptions? options = null)
    {
        options ??= new FeedReadOptions();
        if (document.IsEmpty || !document.Span.ContainsAnyExcept(Xml.AsciiWhitespace.Bytes))
        {
            throw new FeedParseException("The document is empty.");
        }

        var json = FeedFormatDispatcher.LooksLikeJson(document.Span);
        var encoding = EncodingSniffer.Choose(document.Span, options.ContentType, options.ForcedEncoding, json ? DocumentKind.Json : DocumentKind.Xml);
        try
        {
            return json ? ReadJson(document, encoding, options) : XmlFeedParser.Read(document, encoding, options);
        }
        catch (Exception error) when (error is not (FeedParseException or OutOfMemoryException))
        {
            throw new FeedParseException($"The document could not be read as a feed: {error.Message}", error);
        }
    }

    private static Feed ReadJson(ReadOnlyMemory<byte> document, EncodingChoice encoding, FeedReadOptions options)
    {
        var body = document[encoding.PreambleLength..];
        var utf8 = encoding.Encoding.CodePage == Encoding.UTF8.CodePage ? body : Encoding.UTF8.GetBytes(encoding.Encoding.GetString(body.Span));
        var feed = new FeedBuilder(options.MaxItems);
        feed.Warnings.AddRange(encoding.Warnings);
        try
        {
            JsonFeedParser.Read(utf8, feed, options.BaseUri);
        }
        catch (System.Text.Json.JsonException error)
        {
            throw new FeedParseException($"The JSON document is not valid JSON: {error.Message}", error);
        }

        return feed.Build(encoding.Name);
    }
}
