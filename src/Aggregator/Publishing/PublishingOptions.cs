namespace Aggregator.Publishing;

/// <summary>How the feeds are served; bound from the "Publishing" configuration section.</summary>
public sealed class PublishingOptions
{
    public const string SectionName = "Publishing";

    /// <summary>Title of the posts feed; the papers feed appends " — papers".</summary>
    public string FeedTitle { get; set; } = "AI research papers, as the community discusses them";

    public string FeedDescription { get; set; } =
        "Posts about AI research papers from many sources, de-duplicated and summarised, with the papers they mention.";

    /// <summary>The Cache-Control max-age of feed responses, which is also the RSS ttl (rounded up to minutes).</summary>
    public int CacheMaxAgeSeconds { get; set; } = 300;

    /// <summary>Upper bound on the rendered bytes (all encodings) kept in memory.</summary>
    public long RenderCacheBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Upper bound on the renderings (one per route, representation, address and canonical query) kept in memory.</summary>
    public int RenderCacheEntries { get; set; } = 512;

    /// <summary>
    /// The address the feeds' links use ("https://feeds.example.org"), whatever Host a request names. Unset, links follow
    /// the request's host, of which only <see cref="MaxSiteAddresses"/> distinct ones get renderings of their own.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>How many distinct request hosts get their own renderings when <see cref="PublicBaseUrl"/> is unset.</summary>
    public int MaxSiteAddresses { get; set; } = 8;
}
