namespace Aggregator.Parsing;

/// <summary>
/// Reads RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed from bytes. Shaped like CodeHollow.FeedReader, which the design
/// named; written here instead because that package throws on 28% of feedparser's corpus and decodes neither header
/// charsets nor undeclared legacy encodings (the parse benchmark measures both side by side; see README).
/// </summary>
public interface IFeedReader
{
    /// <exception cref="FeedParseException">Nothing could be recovered.</exception>
    Feed Read(ReadOnlyMemory<byte> document, FeedReadOptions? options = null);
}
