namespace Aggregator.Storage;

/// <summary>A distinct paper, merged from every post that mentioned it.</summary>
public sealed record Paper
{
    /// <summary>Stable id: derived from the first key the paper was seen with; never changes once assigned.</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    public string? ArxivId { get; init; }

    public int? LatestArxivVersion { get; init; }

    public string? Doi { get; init; }

    public string? OpenReviewId { get; init; }

    public string? AclId { get; init; }

    public IReadOnlyList<string> CodeUrls { get; init; } = [];

    public string? Abstract { get; init; }

    public string? Summary { get; init; }

    public string? Summarizer { get; init; }

    public required DateTimeOffset FirstSeen { get; init; }

    public required DateTimeOffset LastSeen { get; init; }

    /// <summary>When anything a reader sees changed: a new mention, version or code link.</summary>
    public required DateTimeOffset Updated { get; init; }

    public IReadOnlyList<PaperCoverage> Coverage { get; init; } = [];

    /// <summary>arXiv's primary category ("cs.CL"), from its metadata.</summary>
    public string? PrimaryCategory { get; init; }

    /// <summary>When the first version appeared on arXiv (or the note on OpenReview).</summary>
    public DateTimeOffset? FirstVersionDate { get; init; }

    /// <summary>Where OpenReview says the paper was published or submitted ("ICLR 2025 Conference Submission").</summary>
    public string? Venue { get; init; }

    public string? PdfUrl { get; init; }

    /// <summary>What the metadata services have told us about this paper, and what is still to ask.</summary>
    public PaperLookup Lookup { get; init; } = PaperLookup.None;

    /// <summary>
    /// The stored version this record was read at (an ETag), null for a paper not stored yet: a conditional save
    /// succeeds only if no other writer changed the paper since, which is how concurrent instances avoid losing coverage.
    /// </summary>
    public string? StoreVersion { get; init; }

    /// <summary>Independent sources: distinct source ids among the posts that covered the paper.</summary>
    public int SourceCount => Coverage.Select(c => c.SourceId).Distinct(StringComparer.Ordinal).Count();

    /// <summary>
    /// Where the title, authors and abstract come from, best first: arXiv's record, then an OpenReview note, then
    /// the posts. Of two records of one paper, the one with the better source lends the merged paper its words.
    /// </summary>
    public MetadataSource MetadataSource =>
        Lookup.ArxivFetched is not null ? MetadataSource.Arxiv
        : Lookup.OpenReviewNote ? MetadataSource.OpenReview
        : MetadataSource.Posts;

    /// <summary>arXiv abs, else OpenReview forum, else DOI, else the first post that covered it.</summary>
    public string CanonicalUrl =>
        ArxivId is not null ? $"https://arxiv.org/abs/{ArxivId}"
        : OpenReviewId is not null ? $"https://openreview.net/forum?id={Uri.EscapeDataString(OpenReviewId)}"
        : Doi is not null ? $"https://doi.org/{Doi}"
        : AclId is not null ? $"https://aclanthology.org/{AclId}/"
        : Coverage.Count > 0 ? Coverage[0].PostLink
        : "";
}
