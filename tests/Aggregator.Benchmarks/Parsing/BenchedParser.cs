using System.Xml;
using Aggregator.Parsing;

namespace Aggregator.Benchmarks.Parsing;

/// <summary>
/// One row of the parse benchmark: a way to read a document that returns what it threw (the corpus has broken
/// documents on purpose, and failing on them quickly is part of the work timed), and the reader the conformance
/// expectations are checked against, if it yields a feed at all.
/// </summary>
internal sealed record BenchedParser(string Name, Func<byte[], Exception?> Parse, IFeedReader? Model)
{
    private static readonly XmlReaderSettings BareSettings = new() { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, CheckCharacters = false };

    /// <summary>The floor any streaming XML feed parser stands on: every node's value read, nothing built.</summary>
    public static BenchedParser BareXmlReader { get; } = new("bare XmlReader", BareXmlPass, null);

    public static BenchedParser Ours(FeedReader reader) => new("our FeedReader", document =>
    {
        try
        {
            reader.Read(document);
            return null;
        }
        catch (FeedParseException error)
        {
            return error;
        }
    }, reader);

    public static BenchedParser CodeHollow { get; } = new("CodeHollow.FeedReader 2.1.1", document =>
    {
        try
        {
            CodeHollowFeedReader.ReadRaw(document);
            return null;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return error;
        }
    }, new CodeHollowFeedReader());

    private static Exception? BareXmlPass(byte[] document)
    {
        try
        {
            using var xml = XmlReader.Create(new MemoryStream(document, writable: false), BareSettings);
            while (xml.Read())
            {
                if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
                {
                    _ = xml.Value;
                }
                else if (xml.NodeType == XmlNodeType.Element)
                {
                    while (xml.MoveToNextAttribute())
                    {
                        _ = xml.Value;
                    }
                }
            }

            return null;
        }
        catch (XmlException error)
        {
            return error;
        }
    }
}
