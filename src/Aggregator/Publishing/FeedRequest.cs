using Aggregator.Storage;

namespace Aggregator.Publishing;

/// <summary>A validated feed request: the store query, the output format, and both as a canonical query string ("" or "?...").</summary>
internal sealed record FeedRequest(FeedQuery Query, FeedFormat Format, string CanonicalQuery)
{
    /// <summary>The URL said which format (?format=…): a browser then gets that feed, not the HTML page.</summary>
    public bool FormatNamed { get; init; }
}
