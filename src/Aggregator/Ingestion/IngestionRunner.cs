using System.Diagnostics;
using Aggregator.Enrichment;
using Aggregator.Sources;
using Aggregator.Storage;
using Aggregator.Summaries;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aggregator.Ingestion;

/// <summary>
/// One ingest run over all sources: the entry point both hosts call (the CLI's ingest/serve, the Functions timer).
/// Sources run in parallel; the least recently attempted go first, so a run cut short by its time budget leaves the
/// others for the next run rather than starving them.
/// </summary>
public sealed partial class IngestionRunner(
    ISourceCatalogProvider catalog,
    SourceIngestor ingestor,
    SummarizerFactory summarizers,
    SummaryRetries summaryRetries,
    PaperEnricher enricher,
    ISourceStateStore states,
    IDataVersion dataVersion,
    IOptions<IngestionOptions> options,
    TimeProvider clock,
    ILogger<IngestionRunner> logger)
{
    // No lock around a run: the timer, the admin endpoint, serve's interval, another CLI process and every Functions
    // instance may ingest at once, and the stores settle each race with conditional writes.

    /// <exception cref="SourceCatalogException">The sources file is missing or invalid.</exception>
    public async Task<IngestionReport> RunAsync(IngestionRunOptions runOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runOptions);
        var stopwatch = Stopwatch.StartNew();
        var (ordered, _) = await OrderedSourcesAsync(runOptions, cancellationToken).ConfigureAwait(false);

        var run = new IngestionRun(clock.GetUtcNow(), summarizers.CreateForRun(), runOptions.IgnoreBackoff);
        using var budget = new CancellationTokenSource();
        if ((runOptions.TimeBudget ?? options.Value.TimeBudget) is { } limit)
        {
            // CancelAfter(0) only schedules the cancellation; a budget already spent must stop every source now.
            if (limit <= TimeSpan.Zero)
            {
                await budget.CancelAsync().ConfigureAwait(false);
            }
            else
            {
                budget.CancelAfter(limit);
            }
        }

        var results = new SourceRunResult?[ordered.Count];
        await Parallel.ForAsync(0, ordered.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.MaxParallelSources), CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var source = ordered[i];
                if (budget.IsCancellationRequested)
                {
                    // Not started: nothing was fetched, so nothing is lost; its old last-attempt time puts it first next run.
                    results[i] = new SourceRunResult(source.Id, source.Name, SourceOutcome.NotReached) { Message = "time budget used up" };
                    runOptions.Observer?.SourceFinished(results[i]!);
                    return;
                }

                runOptions.Observer?.SourceStarted(source);
                results[i] = await RunSourceAsync(source, run, ct).ConfigureAwait(false);
                runOptions.Observer?.SourceFinished(results[i]!);
            }).ConfigureAwait(false);

        var resummarized = summarizers.UsesLlm && !budget.IsCancellationRequested
            ? await summaryRetries.RetryAsync(run.Summarizer, cancellationToken).ConfigureAwait(false)
            : 0;
        // Enrichment hook: metadata lookups for the papers this run (and earlier ones) left due; it never throws.
        var enrichment = budget.IsCancellationRequested ? null : await enricher.EnrichPendingAsync(cancellationToken).ConfigureAwait(false);

        var report = new IngestionReport(results.OfType<SourceRunResult>().ToList(), stopwatch.Elapsed) { Enrichment = enrichment };
        if (resummarized > 0 || report.Sources.Any(Changed))
        {
            await dataVersion.BumpAsync(cancellationToken).ConfigureAwait(false);
        }

        LogRun(logger, report.Sources.Count, report.NewPosts, report.Failed, report.Elapsed);
        return report;
    }

    /// <summary>
    /// The work of a run as queue messages: one per enabled source that is due (not backing off, unless the run ignores
    /// backoff), least recently attempted first.
    /// </summary>
    /// <exception cref="SourceCatalogException">The sources file is missing or invalid.</exception>
    public async Task<IReadOnlyList<SourceWork>> PlanAsync(IngestionRunOptions runOptions, string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runOptions);
        var now = clock.GetUtcNow();
        var (ordered, known) = await OrderedSourcesAsync(runOptions, cancellationToken).ConfigureAwait(false);
        var backingOff = runOptions.IgnoreBackoff
            ? []
            : known.Where(s => s.NextAttempt is { } next && next > now).Select(s => s.SourceId).ToHashSet(StringComparer.Ordinal);

        return ordered
            .Where(s => s.Enabled && !backingOff.Contains(s.Id))
            .Select(s => new SourceWork(s.Id, runId, runOptions.IgnoreBackoff))
            .ToList();
    }

    /// <summary>
    /// The unit both hosts scale by: ingest one source, as one queue message asks. Unlike a whole run, a failure to
    /// record the source's outcome (storage down) is thrown, so the queue delivers the message again later.
    /// </summary>
    /// <exception cref="SourceCatalogException">The sources file is missing or invalid.</exception>
    public async Task<SourceRunResult> RunOneAsync(SourceWork work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        var catalogued = await catalog.GetAsync(cancellationToken).ConfigureAwait(false);
        if (catalogued.Sources.FirstOrDefault(s => s.Id == work.SourceId) is not { } source)
        {
            // Removed from the sources file since the message was sent: nothing to do, and nothing to retry.
            return new SourceRunResult(work.SourceId, work.SourceId, SourceOutcome.Skipped) { Message = "no longer in the sources file" };
        }

        var run = new IngestionRun(clock.GetUtcNow(), summarizers.CreateForRun(), work.IgnoreBackoff);
        var result = await ingestor.IngestAsync(source, run, cancellationToken).ConfigureAwait(false);
        if (Changed(result))
        {
            await dataVersion.BumpAsync(cancellationToken).ConfigureAwait(false);
        }

        LogOne(logger, source.Id, work.RunId, work.Attempt, result.Outcome, result.NewPosts);
        return result;
    }

    private static bool Changed(SourceRunResult result) => result.NewPosts > 0 || result.Duplicates > 0;

    /// <summary>The run's sources, least recently attempted first, and the states that ordered them.</summary>
    /// <remarks>The sources file is read before storage, so a broken file is reported as such even with storage down.</remarks>
    private async Task<(List<SourceDefinition> Sources, IReadOnlyList<SourceState> States)> OrderedSourcesAsync(
        IngestionRunOptions runOptions, CancellationToken cancellationToken)
    {
        var sources = (await catalog.GetAsync(cancellationToken).ConfigureAwait(false)).Sources
            .Where(s => runOptions.SourceIds is null || runOptions.SourceIds.Contains(s.Id))
            .ToList();
        var known = await states.ListAsync(cancellationToken).ConfigureAwait(false);
        var lastAttempts = known
            .ToDictionary(s => s.SourceId, s => s.LastAttempt ?? DateTimeOffset.MinValue, StringComparer.Ordinal);
        return (sources.OrderBy(s => lastAttempts.GetValueOrDefault(s.Id, DateTimeOffset.MinValue)).ToList(), known);
    }

    private async Task<SourceRunResult> RunSourceAsync(SourceDefinition source, IngestionRun run, CancellationToken cancellationToken)
    {
        try
        {
            return await ingestor.IngestAsync(source, run, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Only reachable when even recording the failure failed (storage down): report it, keep the run going.
            LogUnrecorded(logger, source.Id, ex);
            return new SourceRunResult(source.Id, source.Name, SourceOutcome.Failed) { Message = $"{ex.GetType().Name}: {ex.Message}" };
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingest run over {Sources} sources: {New} new posts, {Failed} failed, in {Elapsed}")]
    private static partial void LogRun(ILogger logger, int sources, int @new, int failed, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Source {Source} of run {RunId} (delivery {Attempt}): {Outcome}, {New} new posts")]
    private static partial void LogOne(ILogger logger, string source, string runId, long attempt, SourceOutcome outcome, int @new);

    [LoggerMessage(Level = LogLevel.Error, Message = "Source {Source} failed and its failure could not be recorded")]
    private static partial void LogUnrecorded(ILogger logger, string source, Exception exception);
}
