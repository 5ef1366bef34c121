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
    // One run at a time per process: the timer, the admin endpoint and serve's interval must not interleave.
    private readonly SemaphoreSlim running = new(1, 1);

    /// <exception cref="SourceCatalogException">The sources file is missing or invalid.</exception>
    public async Task<IngestionReport> RunAsync(IngestionRunOptions runOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runOptions);
        await running.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await RunExclusiveAsync(runOptions, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            running.Release();
        }
    }

    private async Task<IngestionReport> RunExclusiveAsync(IngestionRunOptions runOptions, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var sources = (await catalog.GetAsync(cancellationToken).ConfigureAwait(false)).Sources
            .Where(s => runOptions.SourceIds is null || runOptions.SourceIds.Contains(s.Id))
            .ToList();
        var lastAttempts = (await states.ListAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(s => s.SourceId, s => s.LastAttempt ?? DateTimeOffset.MinValue, StringComparer.Ordinal);
        var ordered = sources.OrderBy(s => lastAttempts.GetValueOrDefault(s.Id, DateTimeOffset.MinValue)).ToList();

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
        if (!budget.IsCancellationRequested)
        {
            // Enrichment hook: metadata lookups for the papers this run (and earlier ones) left due; it never throws.
            await enricher.EnrichPendingAsync(cancellationToken).ConfigureAwait(false);
        }

        var report = new IngestionReport(results.OfType<SourceRunResult>().ToList(), stopwatch.Elapsed);
        if (resummarized > 0 || report.Sources.Any(s => s.NewPosts > 0 || s.Duplicates > 0))
        {
            await dataVersion.BumpAsync(cancellationToken).ConfigureAwait(false);
        }

        LogRun(logger, report.Sources.Count, report.NewPosts, report.Failed, report.Elapsed);
        return report;
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Source {Source} failed and its failure could not be recorded")]
    private static partial void LogUnrecorded(ILogger logger, string source, Exception exception);
}
