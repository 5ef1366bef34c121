using System.Globalization;
using Aggregator.Enrichment;

namespace Aggregator.Cli.Terminal;

/// <summary>
/// What a run's metadata lookups did, in one line after the sources: how many papers were due, what arXiv and
/// OpenReview answered, and the last error when a lookup failed. Nothing when no paper was due or the operator turned
/// the stage off: the line is there to be read when it says something.
/// </summary>
internal static class EnrichmentLine
{
    public static string? Of(EnrichmentReport? report)
    {
        if (report is null || report.Disabled)
        {
            return null;
        }

        if (report.Skipped is { } reason)
        {
            return $"Papers: lookups skipped ({reason})";
        }

        if (report.Papers == 0 && report.LastError is null)
        {
            return null;
        }

        var line = string.Create(CultureInfo.InvariantCulture,
            $"Papers: {report.Papers} due for a lookup, {report.Enriched} enriched, {report.TitlesResolved} titles resolved, {report.Merged} merged, {report.Failed} failed; {report.ArxivRequests} arXiv and {report.OpenReviewRequests} OpenReview requests");
        return report.LastError is { } error ? $"{line}: {CellText.OneLine(error)}" : line;
    }
}
