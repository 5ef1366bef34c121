using System.Runtime.InteropServices;
using System.Xml;
using Aggregator.Parsing.Encodings;
using Aggregator.Parsing.Xml;

namespace Aggregator.Parsing.Formats;

/// <summary>
/// Reads an XML feed in up to two streaming passes: strict over the bytes (the fast path, no copy of the document), and
/// if that fails, over the text after <see cref="XmlTextRepairer"/> fixed what it could. If even that breaks off, what
/// was read before the break is returned with a warning; only a document yielding nothing is an error.
/// </summary>
internal static class XmlFeedParser
{
    private const int ReaderBufferChars = 16 * 1024;

    public static Feed Read(ReadOnlyMemory<byte> document, EncodingChoice encoding, FeedReadOptions options)
    {
        var body = document[encoding.PreambleLength..];
        var warnings = new List<string>(encoding.Warnings);
        body = SkipWhitespaceBeforeDeclaration(body, encoding, warnings);

        var strict = new FeedBuilder(options.MaxItems);
        try
        {
            // A small document gets a small buffer: the corpus of little feeds is allocation-bound otherwise.
            var bufferChars = Math.Clamp(body.Length, 256, ReaderBufferChars);
            using var reader = XmlReader.Create(new StreamReader(AsStream(body), encoding.Encoding, false, bufferChars), SafeXmlReaderSettings.Shared);
            FeedFormatDispatcher.Read(reader, strict, options.BaseUri);
            strict.Warnings.InsertRange(0, warnings);
            return strict.Build(encoding.Name);
        }
        catch (XmlException strictError)
        {
            warnings.Add($"The document is not well-formed XML ({Describe(strictError)}); read again after repairs.");
        }

        var text = XmlTextRepairer.Repair(encoding.Encoding.GetString(body.Span), warnings);
        var repaired = new FeedBuilder(options.MaxItems);
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), SafeXmlReaderSettings.Shared);
            FeedFormatDispatcher.Read(reader, repaired, options.BaseUri);
        }
        catch (XmlException repairedError)
        {
            if (!repaired.HasContent)
            {
                throw new FeedParseException($"The document is not a readable feed: {Describe(repairedError)}.", repairedError);
            }

            warnings.Add($"Reading stopped at {Describe(repairedError)}; kept the {repaired.ItemCount} items read before it.");
        }

        repaired.Warnings.InsertRange(0, warnings);
        return repaired.Build(encoding.Name);
    }

    private static string Describe(XmlException error) => error.LineNumber > 0
        ? $"line {error.LineNumber}, column {error.LinePosition}: {StripPosition(error.Message)}"
        : error.Message;

    private static string StripPosition(string message)
    {
        var at = message.IndexOf(" Line ", StringComparison.Ordinal);
        return (at > 0 ? message[..at] : message).TrimEnd('.', ' ');
    }

    /// <summary>"  &lt;?xml" is ill-formed XML but common (PHP templates); skipping the blanks is a repair worth no second pass.</summary>
    private static ReadOnlyMemory<byte> SkipWhitespaceBeforeDeclaration(ReadOnlyMemory<byte> body, EncodingChoice encoding, List<string> warnings)
    {
        if (encoding.Name.StartsWith("utf-16", StringComparison.Ordinal) || encoding.Name.StartsWith("utf-32", StringComparison.Ordinal))
        {
            return body;
        }

        var span = body.Span;
        var first = span.IndexOfAnyExcept(AsciiWhitespace.Bytes);
        if (first > 0 && span[first..].StartsWith("<?xml"u8))
        {
            warnings.Add("Skipped whitespace before the XML declaration.");
            return body[first..];
        }

        return body;
    }

    private static MemoryStream AsStream(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);
}
