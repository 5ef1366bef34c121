using System.Globalization;
using Aggregator.Ingestion;

namespace Aggregator.Cli.Terminal;

/// <summary>
/// A run as plain text, for a log file, CI or a pipe: one line per source as it finishes, then the totals; no escape
/// codes, no width to fit. <c>NAME: STATUS, N new of M, D duplicate, 0.4s[: error or warnings]</c>, where M is every
/// item the feed held and D those that were copies of posts stored from other sources.
/// </summary>
internal sealed class IngestLines(TextWriter output) : IIngestionObserver
{
    private readonly Lock gate = new();

    public static string Line(SourceRunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{CellText.OneLine(result.SourceName)}: {SourceStatus.Of(result.Outcome)}, {result.NewPosts} new of {SourceStatus.Items(result)}, {result.Duplicates} duplicate, {result.Elapsed.TotalSeconds:0.0}s");
        return SourceStatus.Detail(result) is { Length: > 0 } detail ? $"{line}: {detail}" : line;
    }

    public static string Totals(IngestionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return string.Create(CultureInfo.InvariantCulture,
            $"{report.Sources.Count} sources: {report.NewPosts} new posts, {report.Failed} failed, {report.Elapsed.TotalSeconds:0.0}s");
    }

    public void SourceStarted(Aggregator.Sources.SourceDefinition source)
    {
    }

    public void SourceFinished(SourceRunResult result)
    {
        // Sources finish on parallel tasks; a line is written whole or not at all.
        lock (gate)
        {
            output.WriteLine(Line(result));
            output.Flush();
        }
    }
}
