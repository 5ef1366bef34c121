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
}
