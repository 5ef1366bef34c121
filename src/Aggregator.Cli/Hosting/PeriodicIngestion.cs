using Aggregator.Cli.Failures;
using Aggregator.Hosting;
using Aggregator.Ingestion;
using Aggregator.Sources;

namespace Aggregator.Cli.Hosting;

/// <summary>
/// serve's stand-in for the Functions timer: start a run at start, then every interval — in-process, or with --queue
/// as one queue message per due source.
/// </summary>
internal sealed partial class PeriodicIngestion(IngestionStarter starter, StorageConnection storage, TimeSpan interval, ILogger<PeriodicIngestion> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                var started = await starter.StartAsync(new IngestionRunOptions(), stoppingToken).ConfigureAwait(false);
                if (started.Report is { } report)
                {
                    LogRun(logger, report.NewPosts, report.Failed, interval);
                }
                else
                {
                    LogQueued(logger, started.RunId, started.Sources, interval);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A bad sources file or storage outage must not stop the server; the next tick tries again. Those two are
                // told in one line (the stack only at debug level); anything else is a bug and keeps its stack.
                if (ex is SourceCatalogException || StorageFailure.Classify(ex) is not null)
                {
                    LogUnavailable(logger, FailureTranslation.Translate(ex, storage)!.Message, interval);
                    LogDetail(logger, ex);
                }
                else
                {
                    LogFailed(logger, ex);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested {New} new posts ({Failed} sources failed); next run in {Interval}")]
    private static partial void LogRun(ILogger logger, int @new, int failed, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingest run {RunId} queued {Sources} due sources; next run in {Interval}")]
    private static partial void LogQueued(ILogger logger, string runId, int sources, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingest run failed: {Reason} Next try in {Interval}.")]
    private static partial void LogUnavailable(ILogger logger, string reason, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ingest run failure in detail")]
    private static partial void LogDetail(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingest run failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
