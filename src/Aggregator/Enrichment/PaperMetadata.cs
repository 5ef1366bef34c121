using Aggregator.Storage;

namespace Aggregator.Enrichment;

/// <summary>
/// What a paper becomes when a metadata service answers: canonical title, authors and abstract replace what posts said
/// (arXiv first, OpenReview when arXiv has not answered), the service's question is marked answered, and any earlier
/// failure is cleared. Ids and coverage are only ever added to.
/// </summary>
internal static class PaperMetadata
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromDays(7);

    public static Paper FromArxiv(Paper paper, ArxivEntry entry, DateTimeOffset now) => paper with
    {
        ArxivId = paper.ArxivId ?? entry.Id,
        LatestArxivVersion = Max(paper.LatestArxivVersion, entry.Version),
        Title = entry.Title,
        Authors = entry.Authors.Count > 0 ? entry.Authors : paper.Authors,
        Abstract = entry.Abstract ?? paper.Abstract,
        Doi = paper.Doi ?? entry.Doi,
        PrimaryCategory = entry.PrimaryCategory ?? paper.PrimaryCategory,
        FirstVersionDate = entry.Published ?? paper.FirstVersionDate,
        PdfUrl = entry.PdfUrl ?? paper.PdfUrl,
        Venue = paper.Venue ?? entry.JournalRef,
        Lookup = Answered(paper.Lookup) with { ArxivFetched = now },
        Updated = now,
    };

    public static Paper FromOpenReview(Paper paper, OpenReviewNote note, DateTimeOffset now)
    {
        var arxivAnswered = paper.Lookup.ArxivFetched is not null;
        return paper with
        {
            Title = arxivAnswered ? paper.Title : note.Title,
            Authors = arxivAnswered || note.Authors.Count == 0 ? paper.Authors : note.Authors,
            Abstract = arxivAnswered ? paper.Abstract ?? note.Abstract : note.Abstract ?? paper.Abstract,
            Venue = note.Venue ?? paper.Venue,
            PdfUrl = paper.PdfUrl ?? note.PdfUrl,
            FirstVersionDate = paper.FirstVersionDate ?? note.Published,
            Lookup = Answered(paper.Lookup) with { OpenReviewFetched = now, OpenReviewNote = true },
            Updated = now,
        };
    }

    /// <summary>OpenReview has no public note by this id: answered (nothing to fetch again), nothing changed.</summary>
    public static Paper OpenReviewHasNone(Paper paper, DateTimeOffset now) =>
        paper with { Lookup = Answered(paper.Lookup) with { OpenReviewFetched = now } };

    /// <summary>The title was searched and nothing acceptable came back: not searched again.</summary>
    public static Paper TitleUnmatched(Paper paper, DateTimeOffset now) =>
        paper with { Lookup = paper.Lookup with { TitleSearched = now } };

    /// <summary>A failed lookup: counted, with the error, and not retried before the backoff (or the service's Retry-After).</summary>
    public static Paper Failed(Paper paper, string error, TimeSpan? retryAfter, TimeSpan backoff, DateTimeOffset now)
    {
        var attempts = paper.Lookup.Attempts + 1;
        var wait = backoff * Math.Pow(2, Math.Min(attempts - 1, 16));
        if (wait > MaxBackoff)
        {
            wait = MaxBackoff;
        }

        if (retryAfter > wait)
        {
            wait = retryAfter.Value;
        }

        return paper with { Lookup = paper.Lookup with { Attempts = attempts, NextAttempt = now + wait, LastError = error } };
    }

    private static PaperLookup Answered(PaperLookup lookup) => lookup with { Attempts = 0, NextAttempt = null, LastError = null };

    private static int? Max(int? a, int? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
}
