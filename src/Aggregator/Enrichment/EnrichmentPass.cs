namespace Aggregator.Enrichment;

/// <summary>The state of one enrichment pass: its deadline, which services it stopped asking, and its counts.</summary>
internal sealed class EnrichmentPass(DateTimeOffset deadline, int arxivRequestsBefore, int openReviewRequestsBefore)
{
    public DateTimeOffset Deadline { get; } = deadline;

    public bool ArxivStopped { get; set; }

    public bool OpenReviewStopped { get; set; }

    public int Papers { get; set; }

    public int Enriched { get; set; }

    public int TitlesResolved { get; set; }

    public int Merged { get; set; }

    public int Failed { get; set; }

    /// <summary>Questions asked (titles searched, arXiv ids and OpenReview ids looked up), however many went to one request.</summary>
    public int Questions { get; set; }

    /// <summary>The last reason a lookup failed or a service was left alone, for the run's report.</summary>
    public string? LastError { get; set; }

    public EnrichmentReport Report(int arxivRequests, int openReviewRequests) => new()
    {
        Papers = Papers,
        Enriched = Enriched,
        TitlesResolved = TitlesResolved,
        Merged = Merged,
        Failed = Failed,
        Questions = Questions,
        LastError = LastError,
        ArxivRequests = arxivRequests - arxivRequestsBefore,
        OpenReviewRequests = openReviewRequests - openReviewRequestsBefore,
    };
}
