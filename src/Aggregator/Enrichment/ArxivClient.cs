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
            throw new MetadataLookupException("arXiv refused the id list: " + string.Join("; ", feed.Errors), MetadataFailure.Refused);
        }

        if (feed.TotalResults is null)
        {
            throw new MetadataLookupException("arXiv answered an Atom feed without opensearch:totalResults", MetadataFailure.Malformed);
        }

        return feed.Entries.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>Room in a shared title search for a few similar titles per phrase, so the right one is among them.</summary>
    public const int ResultsPerTitle = 5;

    /// <summary>Room when one title is searched alone, after a generic title crowded it out of a shared answer.</summary>
    public const int ResultsForALoneTitle = 20;

    /// <summary>
    /// Every entry whose title contains one of <paramref name="titles"/> as a phrase, up to
    /// <paramref name="resultsPerTitle"/> a title; the caller decides which is which, and whether an answer that was
    /// cut short (<see cref="ArxivTitleSearch.Complete"/> false) is worth asking again.
    /// </summary>
    /// <exception cref="MetadataLookupException">The request failed or the answer was unreadable.</exception>
    public async Task<ArxivTitleSearch> SearchTitlesAsync(IReadOnlyList<string> titles, int resultsPerTitle, DateTimeOffset deadline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(titles);
        ArgumentOutOfRangeException.ThrowIfLessThan(resultsPerTitle, 1);
        var phrases = titles.Select(TitleMatcher.SearchPhrase).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (phrases.Count == 0)
        {
            return new ArxivTitleSearch([], Complete: true);
        }

        var search = string.Join(" OR ", phrases.Select(p => $"ti:\"{p}\""));
        var query = string.Create(CultureInfo.InvariantCulture, $"search_query={Uri.EscapeDataString(search)}&start=0&max_results={phrases.Count * resultsPerTitle}");
        var feed = ArxivAtomParser.Parse(await http.GetStringAsync(With(query), gate, deadline, cancellationToken).ConfigureAwait(false));
        if (feed.Errors.Count > 0)
        {
            throw new MetadataLookupException("arXiv refused the title search: " + string.Join("; ", feed.Errors), MetadataFailure.Refused);
        }

        if (feed.TotalResults is null)
        {
            throw new MetadataLookupException("arXiv answered an Atom feed without opensearch:totalResults", MetadataFailure.Malformed);
        }

        return new ArxivTitleSearch(feed.Entries, Complete: feed.TotalResults <= feed.Entries.Count);
    }

    private Uri With(string query) => new(queryUrl.AbsoluteUri + (queryUrl.Query.Length == 0 ? "?" : "&") + query);
}
