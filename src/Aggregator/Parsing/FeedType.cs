namespace Aggregator.Parsing;

/// <summary>The format a document was read as (names follow CodeHollow.FeedReader's <c>FeedType</c>).</summary>
public enum FeedType
{
    Unknown,
    Rss_0_91,
    Rss_0_92,
    Rss_2_0,
    Rss_1_0,
    Atom_0_3,
    Atom_1_0,
    JsonFeed_1_0,
    JsonFeed_1_1,
    Html,
}
