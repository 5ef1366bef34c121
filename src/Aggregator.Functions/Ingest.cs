using Aggregator.Ingestion;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aggregator.Functions;

/// <summary>The scheduled ingest: the schedule is the INGEST_SCHEDULE app setting (NCRONTAB, six fields).</summary>
public sealed class Ingest(IngestionRunner runner, IOptions<IngestionOptions> options, ILogger<Ingest> logger)
{
    /// <summary>
    /// Used when INGEST_TIME_BUDGET is unset: two minutes under host.json's functionTimeout (10 min), which leaves the
    /// run time to record what it did before the host would stop it.
    /// </summary>
    internal static readonly TimeSpan DefaultTimeBudget = TimeSpan.FromMinutes(8);

    // A run that throws hit something systemic (storage, configuration), not one bad source - those are recorded per
    // source and the run goes on. Two tries five minutes apart ride out a short outage and finish well before the next
    // scheduled run.
    [Function(nameof(Ingest))]
    [FixedDelayRetry(2, "00:05:00")]
    public async Task RunAsync([TimerTrigger("%INGEST_SCHEDULE%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        if (timer.IsPastDue)
        {
            logger.LogWarning("Ingest timer fired late; running now");
        }

        var report = await runner.RunAsync(
            new IngestionRunOptions { TimeBudget = options.Value.TimeBudget ?? DefaultTimeBudget },
            cancellationToken);

        logger.LogInformation(
            "Ingest finished: {NewPosts} new posts from {Sources} sources, {Failed} failed, in {Elapsed}",
            report.NewPosts,
            report.Sources.Count,
            report.Failed,
            report.Elapsed);
    }
}
