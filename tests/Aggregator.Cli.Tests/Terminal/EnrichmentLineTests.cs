using Aggregator.Cli.Terminal;
using Aggregator.Enrichment;

namespace Aggregator.Cli.Tests.Terminal;

public sealed class EnrichmentLineTests
{
    [Fact]
    public void TurnedOffOrNotRun_SaysNothing()
    {
        Assert.Null(EnrichmentLine.Of(null));
        Assert.Null(EnrichmentLine.Of(EnrichmentReport.Skip(EnrichmentReport.DisabledReason)));
        Assert.Null(EnrichmentLine.Of(new EnrichmentReport()));
    }

    [Fact]
    public void SkippedForAReasonTheOperatorDidNotChoose_SaysWhy()
    {
        Assert.Equal("Papers: lookups skipped (no network)", EnrichmentLine.Of(EnrichmentReport.Skip("no network")));
    }

    [Fact]
    public void APass_GivesItsCountsAndTheLastErrorOnOneLine()
    {
        var report = new EnrichmentReport
        {
            Papers = 5, Enriched = 3, TitlesResolved = 1, Merged = 1, Failed = 2, ArxivRequests = 2, OpenReviewRequests = 1,
            LastError = "arXiv answered 502 Bad Gateway\nafter 2 retries",
        };

        Assert.Equal(
            "Papers: 5 due for a lookup, 3 enriched, 1 titles resolved, 1 merged, 2 failed; 2 arXiv and 1 OpenReview requests: arXiv answered 502 Bad Gateway after 2 retries",
            EnrichmentLine.Of(report));
    }
}
