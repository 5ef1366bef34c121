namespace Aggregator.Fetching;

/// <summary>Limits and identity of <see cref="HttpFetcher"/>; bind from configuration or set in <c>AddAggregatorFetching</c>.</summary>
public sealed class FetcherOptions
{
    /// <summary>
    /// Names the project so a site operator who sees our requests in a log can find out what we are and who to ask.
    /// </summary>
    public const string DefaultUserAgent = "Aggregator/1.0 (feed aggregator for AI research papers)";

    /// <summary>Feeds first, then HTML (page sources, full-text fetches), then anything.</summary>
    public const string DefaultAccept =
        "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.9, "
        + "text/xml;q=0.9, application/json;q=0.8, text/html;q=0.7, application/xhtml+xml;q=0.7, */*;q=0.5";

    /// <summary>
    /// Wall-clock limit of one fetch, redirects, headers and body included: a server that sends a byte a second is
    /// cut off here, not after hours. The clock starts once the per-host slot is taken, so queueing behind other
    /// requests to the same host does not count.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Bodies longer than this are cut off here and returned with <see cref="FetchResponse.Truncated"/>.</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Redirects followed per fetch; one more fails with <see cref="FetchFailure.TooManyRedirects"/>.</summary>
    public int MaxRedirects { get; set; } = 5;

    public string UserAgent { get; set; } = DefaultUserAgent;

    /// <summary>Sent unless the request names its own Accept (e.g. images for the image proxy).</summary>
    public string Accept { get; set; } = DefaultAccept;

    /// <summary>Politeness: at most this many requests in flight to one host (host and port) at a time.</summary>
    public int MaxConcurrentRequestsPerHost { get; set; } = 2;

    /// <summary>
    /// A server's hint for when to poll next (<c>Cache-Control: max-age</c>, <c>Retry-After</c>) is taken up to this:
    /// <c>max-age=2000000000</c> must not silence a source until 2090.
    /// </summary>
    public TimeSpan MaxServerDelay { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Lets fetches connect to 127.0.0.1 and ::1, which are otherwise refused like private addresses. Only tests set it:
    /// their fixture servers listen there. The rest of 127.0.0.0/8, private, link-local and other internal ranges stay
    /// refused either way; an intranet source is opted in by its own <c>allowPrivateNetwork</c> instead.
    /// </summary>
    public bool AllowLoopbackForTests { get; set; }

    /// <summary>Pooled connections are renewed after this long, so DNS changes are picked up by the shared client.</summary>
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(5);
}
