namespace Aggregator.Publishing;

public enum FeedFormat
{
    Rss,
    Atom,
    Json,
}
