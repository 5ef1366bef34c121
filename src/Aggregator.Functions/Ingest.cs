using Aggregator.Ingestion;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aggregator.Functions;

/// <summary>
/// The scheduled ingest: the schedule is the INGEST_SCHEDULE app setting (NCRONTAB, six fields). It only sends one
/// queue message per due source; <see cref="IngestSource"/> ingests them on as many instances as the queue needs.
/// </summary>
public sealed class Ingest(IngestionStarter starter, IOptions<IngestionOptions> options, ILogger<Ingest> logger)
{
    /// <summary>
    /// Used when INGEST_TIME_BUDGET is unset and the app runs in-process (no queue): two minutes under host.json's
    /// functionTimeout (10 min), which leaves the run time to record what it did before the host would stop it.
    /// </summary>
    internal static readonly TimeSpan DefaultTimeBudget = TimeSpan.FromMinutes(8);

    // Sending the messages throws only on something systemic (storage, configuration). Two tries five minutes apart
    // ride out a short outage and finish well before the next scheduled run.
    [Function(nameof(Ingest))]
    [FixedDelayRetry(2, "00:05:00")]
    public async Task RunAsync([TimerTrigger("%INGEST_SCHEDULE%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        if (timer.IsPastDue)
        {
            logger.LogWarning("Ingest timer fired late; starting the run now");
        }

        var started = await starter.StartAsync(
            new IngestionRunOptions { TimeBudget = options.Value.TimeBudget ?? DefaultTimeBudget },
            cancellationToken);

        if (started.Report is { } report)
        {
            logger.LogInformation(
                "Ingest finished: {NewPosts} new posts from {Sources} sources, {Failed} failed, in {Elapsed}",
                report.NewPosts,
                report.Sources.Count,
                report.Failed,
                report.Elapsed);
        }
        else
        {
            logger.LogInformation("Ingest run {RunId} queued {Sources} due sources", started.RunId, started.Sources);
        }
    }
}
