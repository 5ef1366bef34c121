namespace Aggregator.Parsing;

/// <summary>
/// Reads RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed from bytes. Stands in for CodeHollow.FeedReader, which this
/// environment's package feed lacks; see README.
/// </summary>
public interface IFeedReader
{
    /// <exception cref="FeedParseException">Nothing could be recovered.</exception>
    Feed Read(ReadOnlyMemory<byte> document, FeedReadOptions? options = null);
}
