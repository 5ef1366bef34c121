using Aggregator.Ingestion;

namespace Aggregator.Cli.Terminal;

/// <summary>One run's outcome for a source in words, the same in the table, the plain lines and the JSON.</summary>
internal static class SourceStatus
{
    public static string Of(SourceOutcome outcome) => outcome switch
    {
        SourceOutcome.Ingested => "ingested",
        SourceOutcome.Unchanged => "unchanged",
        SourceOutcome.Failed => "failed",
        SourceOutcome.Skipped => "skipped",
        SourceOutcome.NotReached => "not reached",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    /// <summary>The failure or skip reason, else the first warnings; one line.</summary>
    public static string Detail(SourceRunResult result) =>
        CellText.OneLine(result.Message ?? (result.Warnings.Count > 0 ? string.Join("; ", result.Warnings.Take(2)) : ""));

    /// <summary>Every item the source's feed held this run.</summary>
    public static int Items(SourceRunResult result) => result.NewPosts + result.Duplicates + result.Known;
}
