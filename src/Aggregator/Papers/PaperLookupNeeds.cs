using Aggregator.Storage;

namespace Aggregator.Papers;

/// <summary>
/// What the metadata services still have to be asked about a paper, decided in one place: the store indexes papers by
/// <see cref="DueAt"/>, and enrichment asks exactly these questions. An answered question is never asked again.
/// </summary>
public static class PaperLookupNeeds
{
    /// <summary>After this many failures in a row a paper is left alone: the id is probably wrong.</summary>
    public const int MaxAttempts = 8;

    /// <summary>Its arXiv id has not been looked up yet.</summary>
    public static bool NeedsArxiv(Paper paper) => paper.ArxivId is not null && paper.Lookup.ArxivFetched is null;

    /// <summary>Its OpenReview id has not been looked up yet (it may add the venue even to an arXiv paper).</summary>
    public static bool NeedsOpenReview(Paper paper) => paper.OpenReviewId is not null && paper.Lookup.OpenReviewFetched is null;

    /// <summary>
    /// No arXiv id, and a title specific enough to search arXiv by that was not searched yet. arXiv titles are in
    /// Latin script, so a title a post gave only in Chinese ("直接偏好优化") is not worth a request.
    /// </summary>
    public static bool NeedsTitleSearch(Paper paper) =>
        paper.ArxivId is null && paper.Lookup.TitleSearched is null
        && !PaperUpdate.IsPlaceholderTitle(paper) && PaperTitle.KeyFor(paper.Title) is not null && MostlyLatin(paper.Title);

    public static bool NeedsAny(Paper paper) => NeedsArxiv(paper) || NeedsOpenReview(paper) || NeedsTitleSearch(paper);

    private static bool MostlyLatin(string title)
    {
        var letters = title.Where(char.IsLetter).ToList();
        return letters.Count > 0 && letters.Count(c => c < 0x250) * 2 >= letters.Count;
    }

    /// <summary>When the paper is next due for a lookup, or null when nothing is left to ask (or it failed too often).</summary>
    public static DateTimeOffset? DueAt(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        if (!NeedsAny(paper) || paper.Lookup.Attempts >= MaxAttempts)
        {
            return null;
        }

        return paper.Lookup.NextAttempt ?? paper.FirstSeen;
    }
}
