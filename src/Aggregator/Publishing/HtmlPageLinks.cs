namespace Aggregator.Publishing;

/// <summary>The URLs the browser page links to: the one to subscribe to, the same feed in other formats, the two views.</summary>
internal sealed record HtmlPageLinks(string SubscribeUrl, IReadOnlyList<FeedAlternate> Alternates, string PostsUrl, string PapersUrl);
