namespace Aggregator.Publishing;

/// <summary>Where a feed is being served: the absolute URLs a rendering needs, derived from the request.</summary>
/// <param name="BaseUrl">Scheme, host and path base, without a trailing slash ("https://example.org").</param>
/// <param name="SelfUrl">This feed's absolute URL with its canonical query.</param>
internal sealed record FeedContext(string BaseUrl, string SelfUrl, int TtlMinutes)
{
    public string StylesheetUrl => BaseUrl + FeedRoutes.Stylesheet;
}
