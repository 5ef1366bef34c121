using System.Globalization;

namespace Aggregator.Enrichment;

/// <summary>
/// The arXiv API (<c>export.arxiv.org/api/query</c>): metadata for many ids in one request (<c>id_list=</c>), and title
/// searches OR-ed together into one request (<c>search_query=ti:"…" OR ti:"…"</c>). Every request goes through the one
/// arXiv <see cref="RateGate"/>.
/// </summary>
public sealed class ArxivClient
{
    private readonly MetadataHttp http;
    private readonly RateGate gate;
    private readonly Uri queryUrl;

    internal ArxivClient(MetadataHttp http, RateGate gate, EnrichmentOptions options)
    {
        this.http = http;
        this.gate = gate;
        queryUrl = options.ArxivQueryUrl;
    }

    /// <summary>The records of <paramref name="ids"/> (version-less), keyed by id; ids arXiv does not know are absent.</summary>
    /// <exception cref="MetadataLookupException">The request failed or the answer was unreadable.</exception>
    public async Task<IReadOnlyDictionary<string, ArxivEntry>> GetByIdsAsync(IReadOnlyList<string> ids, DateTimeOffset deadline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var query = string.Create(CultureInfo.InvariantCulture, $"id_list={string.Join(",", ids.Select(Uri.EscapeDataString))}&max_results={ids.Count}");
        var feed = ArxivAtomParser.Parse(await http.GetStringAsync(With(query), gate, deadline, cancellationToken).ConfigureAwait(false));
        if (feed.Errors.Count > 0 && feed.Entries.Count == 0)
        {
            throw new MetadataLookupException("arXiv refused the id list: " + string.Join("; ", feed.Errors), MetadataFailure.Malformed);
        }

        if (feed.TotalResults is null)
        {
            throw new MetadataLookupException("arXiv answered an Atom feed without opensearch:totalResults", MetadataFailure.Malformed);
        }

        return feed.Entries.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>Every entry whose title contains one of <paramref name="titles"/> as a phrase; the caller decides which is which.</summary>
    /// <exception cref="MetadataLookupException">The request failed or the answer was unreadable.</exception>
    public async Task<IReadOnlyList<ArxivEntry>> SearchTitlesAsync(IReadOnlyList<string> titles, DateTimeOffset deadline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(titles);
        var phrases = titles.Select(TitleMatcher.SearchPhrase).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (phrases.Count == 0)
        {
            return [];
        }

        var search = string.Join(" OR ", phrases.Select(p => $"ti:\"{p}\""));
        // Room for a few similar titles per phrase, so the right one is among them.
        var query = string.Create(CultureInfo.InvariantCulture, $"search_query={Uri.EscapeDataString(search)}&start=0&max_results={phrases.Count * 5}");
        var feed = ArxivAtomParser.Parse(await http.GetStringAsync(With(query), gate, deadline, cancellationToken).ConfigureAwait(false));
        if (feed.Errors.Count > 0)
        {
            throw new MetadataLookupException("arXiv refused the title search: " + string.Join("; ", feed.Errors), MetadataFailure.Malformed);
        }

        if (feed.TotalResults is null)
        {
            throw new MetadataLookupException("arXiv answered an Atom feed without opensearch:totalResults", MetadataFailure.Malformed);
        }

        return feed.Entries;
    }

    private Uri With(string query) => new(queryUrl.AbsoluteUri + (queryUrl.Query.Length == 0 ? "?" : "&") + query);
}
