namespace Aggregator.Enrichment;

/// <summary>
/// Where the metadata services are and how politely to ask them. The defaults follow each service's published terms:
/// arXiv asks for no more than one request every three seconds from one client.
/// </summary>
public sealed class EnrichmentOptions
{
    /// <summary>Names the project and what it does with the answers, as arXiv's API terms ask of clients.</summary>
    public const string DefaultUserAgent = "Aggregator/1.0 (feed aggregator for AI research papers; batched metadata lookups)";

    /// <summary>ENRICHMENT_ENABLED: false keeps every run offline.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The arXiv API query endpoint (tests point it at a loopback fake).</summary>
    public Uri ArxivQueryUrl { get; set; } = new("http://export.arxiv.org/api/query");

    /// <summary>The OpenReview API v2 root; notes are read from <c>{root}/notes?id=…</c>.</summary>
    public Uri OpenReviewApiUrl { get; set; } = new("https://api2.openreview.net/");

    /// <summary>Where a relative OpenReview PDF path ("/pdf/…") and forum links point.</summary>
    public Uri OpenReviewSiteUrl { get; set; } = new("https://openreview.net/");

    public string UserAgent { get; set; } = DefaultUserAgent;

    /// <summary>
    /// How the operators of this deployment can be reached (a URL or mailto:), appended to the User-Agent as arXiv asks;
    /// unset, the User-Agent names the project only.
    /// </summary>
    public string? Contact { get; set; }

    /// <summary>The User-Agent sent: <see cref="UserAgent"/> with <see cref="Contact"/> when there is one.</summary>
    public string EffectiveUserAgent => string.IsNullOrWhiteSpace(Contact) ? UserAgent : $"{UserAgent} +{Contact.Trim()}";

    /// <summary>Least time between two requests to arXiv (their terms: one every three seconds).</summary>
    public TimeSpan ArxivRequestInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Least time between two requests to OpenReview, which publishes no figure; one a second is gentle.</summary>
    public TimeSpan OpenReviewRequestInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>arXiv ids per id_list request: one request fetches this many papers.</summary>
    public int ArxivIdBatchSize { get; set; } = 50;

    /// <summary>Titles OR-ed into one arXiv search; more make the query long and the answer noisy.</summary>
    public int TitleBatchSize { get; set; } = 8;

    /// <summary>Papers looked at per run; the rest wait for the next run, longest waiting first.</summary>
    public int MaxPapersPerRun { get; set; } = 300;

    /// <summary>Wall-clock budget of the enrichment after an ingest run (waits on the rate gate included).</summary>
    public TimeSpan Budget { get; set; } = TimeSpan.FromSeconds(90);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of one request after a 5xx, 429 or timeout, within a run; then the papers wait for a later run.</summary>
    public int RequestRetries { get; set; } = 2;

    /// <summary>First wait before retrying a failed request (doubled each retry) when the service sent no Retry-After.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First wait before a paper whose lookup failed is tried in a later run (doubled each failure, capped at a week).</summary>
    public TimeSpan FailureBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Responses longer than this are refused: a metadata answer is kilobytes.</summary>
    public int MaxResponseBytes { get; set; } = 8 * 1024 * 1024;
}
