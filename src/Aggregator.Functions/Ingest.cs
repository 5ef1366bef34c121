using System.Globalization;
using Aggregator.Hosting;
using Aggregator.Ingestion;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Aggregator.Functions;

/// <summary>The scheduled ingest: the schedule is the INGEST_SCHEDULE app setting (NCRONTAB, six fields).</summary>
public sealed class Ingest(IngestionRunner runner, IConfiguration configuration, ILogger<Ingest> logger)
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
            new IngestionRunOptions { TimeBudget = ReadTimeBudget(configuration) },
            cancellationToken);

        logger.LogInformation(
            "Ingest finished: {NewPosts} new posts from {Sources} sources, {Failed} failed, in {Elapsed}",
            report.NewPosts,
            report.Sources.Count,
            report.Failed,
            report.Elapsed);
    }

    private static TimeSpan ReadTimeBudget(IConfiguration configuration)
    {
        var text = configuration[SettingNames.IngestTimeBudget];
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultTimeBudget;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var budget) && budget > TimeSpan.Zero
            ? budget
            : throw new InvalidOperationException(
                $"App setting {SettingNames.IngestTimeBudget} is '{text}': expected a positive time span such as " +
                "00:08:00, below host.json's functionTimeout.");
    }
}
