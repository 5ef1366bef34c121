namespace Aggregator.Enrichment;

/// <summary>
/// The two metadata clients over one HTTP client, each with its own rate gate: one instance per process, so every
/// lookup from this host shares the same spacing.
/// </summary>
internal sealed class MetadataServices
{
    public MetadataServices(HttpClient client, EnrichmentOptions options, TimeProvider clock)
    {
        ArxivHttp = new MetadataHttp(client, options, clock);
        OpenReviewHttp = new MetadataHttp(client, options, clock);
        Arxiv = new ArxivClient(ArxivHttp, new RateGate(options.ArxivRequestInterval, clock), options);
        OpenReview = new OpenReviewClient(OpenReviewHttp, new RateGate(options.OpenReviewRequestInterval, clock), options);
    }

    public ArxivClient Arxiv { get; }

    public OpenReviewClient OpenReview { get; }

    public MetadataHttp ArxivHttp { get; }

    public MetadataHttp OpenReviewHttp { get; }

    /// <summary>The HTTP client metadata lookups use: pooled connections renewed for DNS, decompression, no client-wide timeout (each request has its own).</summary>
    public static HttpClient CreateHttpClient() => new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = System.Net.DecompressionMethods.All,
        ConnectTimeout = TimeSpan.FromSeconds(10),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
