using Aggregator.Ingestion;
using Aggregator.Storage;

namespace Aggregator.Cli.Terminal;

/// <summary>
/// <c>ingest --json</c>: the run as one JSON document. The schema is part of the CLI's contract: fields are added,
/// never renamed or removed.
/// <code>
/// { "newPosts": 4, "failed": 1, "elapsedSeconds": 2.31,
///   "sources": [ { "id", "name", "status": "ingested|unchanged|failed|skipped|notReached",
///                  "newPosts", "duplicates", "known", "items", "totalItems", "elapsedSeconds",
///                  "error": string|null, "reason": string|null, "warnings": [string], "nextAttempt": ISO 8601|null } ],
///   "enrichment": { "skipped": string|null, "papers", "enriched", "titlesResolved", "merged", "failed",
///                   "arxivRequests", "openReviewRequests", "error": string|null } | null }
/// </code>
/// <c>items</c> is what the feed held this run (new + duplicates + known), <c>totalItems</c> what is stored from the
/// source so far; <c>error</c> is set when the source failed, <c>reason</c> when it was skipped or not reached.
/// <c>enrichment</c> is the metadata lookups after the sources (null when the time budget left no room for them).
/// </summary>
internal static class IngestJson
{
    public static IngestDocument Of(IngestionReport report, IReadOnlyDictionary<string, SourceState> states)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(states);
        return new IngestDocument(
            report.NewPosts,
            report.Failed,
            Math.Round(report.Elapsed.TotalSeconds, 2),
            [.. report.Sources.Select(r => Source(r, states.GetValueOrDefault(r.SourceId)))],
            report.Enrichment is { } e
                ? new IngestEnrichmentDocument(e.Skipped, e.Papers, e.Enriched, e.TitlesResolved, e.Merged, e.Failed, e.ArxivRequests, e.OpenReviewRequests, e.LastError)
                : null);
    }

    private static IngestSourceDocument Source(SourceRunResult r, SourceState? state) => new(
        r.SourceId,
        r.SourceName,
        r.Outcome,
        r.NewPosts,
        r.Duplicates,
        r.Known,
        SourceStatus.Items(r),
        state?.TotalItems ?? 0,
        Math.Round(r.Elapsed.TotalSeconds, 2),
        r.Outcome == SourceOutcome.Failed ? r.Message ?? "failed" : null,
        r.Outcome is SourceOutcome.Skipped or SourceOutcome.NotReached ? r.Message : null,
        r.Warnings,
        state?.NextAttempt);
}

internal sealed record IngestDocument(int NewPosts, int Failed, double ElapsedSeconds, IReadOnlyList<IngestSourceDocument> Sources, IngestEnrichmentDocument? Enrichment);

internal sealed record IngestEnrichmentDocument(
    string? Skipped,
    int Papers,
    int Enriched,
    int TitlesResolved,
    int Merged,
    int Failed,
    int ArxivRequests,
    int OpenReviewRequests,
    string? Error);

internal sealed record IngestSourceDocument(
    string Id,
    string Name,
    SourceOutcome Status,
    int NewPosts,
    int Duplicates,
    int Known,
    int Items,
    int TotalItems,
    double ElapsedSeconds,
    string? Error,
    string? Reason,
    IReadOnlyList<string> Warnings,
    DateTimeOffset? NextAttempt);
