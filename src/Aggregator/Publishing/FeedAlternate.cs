namespace Aggregator.Publishing;

/// <summary>The same feed in another format, for the page's alternate links (feed autodiscovery) and its footer.</summary>
internal sealed record FeedAlternate(string Label, string MediaType, string Url);
