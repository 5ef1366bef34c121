namespace Aggregator.Enrichment;

/// <summary>
/// The OpenReview API v2: one submission note per request (<c>/notes?id=…</c>; the API has no batch read by id), each
/// through the OpenReview <see cref="RateGate"/>.
/// </summary>
public sealed class OpenReviewClient
{
    private readonly MetadataHttp http;
    private readonly RateGate gate;
    private readonly Uri apiUrl;
    private readonly Uri siteUrl;

    internal OpenReviewClient(MetadataHttp http, RateGate gate, EnrichmentOptions options)
    {
        this.http = http;
        this.gate = gate;
        // "notes" resolves under the root only if the root ends with '/': a configured ".../api" would otherwise lose its last segment.
        apiUrl = options.OpenReviewApiUrl.AbsolutePath.EndsWith('/') ? options.OpenReviewApiUrl : new Uri(options.OpenReviewApiUrl.AbsoluteUri + "/");
        siteUrl = options.OpenReviewSiteUrl;
    }

    /// <summary>The submission <paramref name="id"/>, or null when OpenReview has no public note by that id.</summary>
    /// <exception cref="MetadataLookupException">The request failed or the answer was unreadable.</exception>
    public async Task<OpenReviewNote?> GetAsync(string id, DateTimeOffset deadline, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var uri = new Uri(apiUrl, "notes?id=" + Uri.EscapeDataString(id));
        var json = await http.GetStringAsync(uri, gate, deadline, cancellationToken).ConfigureAwait(false);
        return OpenReviewNoteParser.Parse(json, id, siteUrl);
    }
}
