using Aggregator.Ingestion;
using Spectre.Console;

namespace Aggregator.Cli.Terminal;

/// <summary>The end-of-run table: new / duplicates / unchanged / failed per source, and the time each took.</summary>
internal static class IngestSummary
{
    public static string Line(SourceRunResult r) => r.Outcome switch
    {
        SourceOutcome.Ingested => $"[green]✓[/] {Markup.Escape(r.SourceName)}: {r.NewPosts} new, {r.Duplicates} duplicate, {r.Known} known [grey]({r.Elapsed.TotalSeconds:0.0}s)[/]",
        SourceOutcome.Unchanged => $"[green]✓[/] {Markup.Escape(r.SourceName)}: unchanged [grey]({r.Elapsed.TotalSeconds:0.0}s)[/]",
        SourceOutcome.Failed => $"[red]✗[/] {Markup.Escape(r.SourceName)}: [red]{Markup.Escape(r.Message ?? "failed")}[/]",
        _ => $"[yellow]–[/] {Markup.Escape(r.SourceName)}: [yellow]{Markup.Escape(r.Message ?? r.Outcome.ToString())}[/]",
    };

    public static Table Table(IngestionReport report)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Source").AddColumn("Result").AddColumn(new TableColumn("New").RightAligned())
            .AddColumn(new TableColumn("Duplicates").RightAligned()).AddColumn(new TableColumn("Known").RightAligned())
            .AddColumn(new TableColumn("Time").RightAligned()).AddColumn("Message");
        foreach (var r in report.Sources)
        {
            var result = r.Outcome switch
            {
                SourceOutcome.Failed => "[red]failed[/]",
                SourceOutcome.Unchanged => "unchanged",
                SourceOutcome.Ingested => r.Warnings.Count > 0 ? "[yellow]ingested, warnings[/]" : "[green]ingested[/]",
                _ => $"[yellow]{r.Outcome.ToString().ToLowerInvariant()}[/]",
            };
            var message = r.Message ?? (r.Warnings.Count > 0 ? string.Join("; ", r.Warnings.Take(2)) : "");
            table.AddRow(Markup.Escape(r.SourceName), result, r.NewPosts.ToString(), r.Duplicates.ToString(), r.Known.ToString(),
                $"{r.Elapsed.TotalSeconds:0.0}s", Markup.Escape(message.Length > 120 ? message[..120] + "…" : message));
        }

        table.Caption($"{report.NewPosts} new posts, {report.Failed} failed, {report.Elapsed.TotalSeconds:0.0}s");
        return table;
    }
}
