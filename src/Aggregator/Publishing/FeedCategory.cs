using Aggregator.Storage;

namespace Aggregator.Publishing;

/// <summary>A tag on an entry: a source (term = source id, label = its name) or a paper ("arXiv:2406.05946", or its title).</summary>
/// <param name="Scheme">The taxonomy ("source", "paper"); RSS's domain and Atom's scheme.</param>
internal sealed record FeedCategory(string Term, string? Label, string Scheme)
{
    public const string PaperScheme = "paper";

    public string Display => Label ?? Term;

    /// <summary>
    /// A paper as a reader recognises it: its canonical id in the form people cite ("arXiv:2406.05946",
    /// "doi:10.18653/…", "OpenReview:iLUcsecZJp", "ACL:2023.acl-long.1"), else its title; never the internal hash.
    /// </summary>
    public static FeedCategory ForPaper(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        var term = paper.ArxivId is { } arxiv ? "arXiv:" + arxiv
            : paper.Doi is { } doi ? "doi:" + doi
            : paper.OpenReviewId is { } openReview ? "OpenReview:" + openReview
            : paper.AclId is { } acl ? "ACL:" + acl
            : paper.Title;
        return new FeedCategory(term, null, PaperScheme);
    }

    /// <summary>A paper known only from a post's list (not found in the store): its id from the canonical link, else the title.</summary>
    public static FeedCategory ForPaper(PostPaper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        const string abs = "https://arxiv.org/abs/";
        const string doi = "https://doi.org/";
        var term = paper.Url.StartsWith(abs, StringComparison.Ordinal) ? "arXiv:" + paper.Url[abs.Length..]
            : paper.Url.StartsWith(doi, StringComparison.Ordinal) ? "doi:" + paper.Url[doi.Length..]
            : paper.Title;
        return new FeedCategory(term, null, PaperScheme);
    }
}
