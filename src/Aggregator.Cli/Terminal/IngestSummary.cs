using System.Globalization;
using Aggregator.Ingestion;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Aggregator.Cli.Terminal;

/// <summary>The end-of-run table on a terminal: new / duplicates / known per source and the time each took, at the terminal's width.</summary>
internal static class IngestSummary
{
    private const int Columns = 7;

    /// <summary>A live progress line (markup) for a finished source, its name cut to fit <paramref name="width"/>.</summary>
    public static string Line(SourceRunResult r, int width)
    {
        var name = Markup.Escape(CellText.Fit(r.SourceName, Math.Max(8, width / 3)));
        var time = $"[grey]({r.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}s)[/]";
        var detail = Markup.Escape(CellText.Fit(SourceStatus.Detail(r), Math.Max(0, width - (width / 3) - 8)));
        return r.Outcome switch
        {
            SourceOutcome.Ingested => $"[green]✓[/] {name}: {r.NewPosts} new, {r.Duplicates} duplicate, {r.Known} known {time}",
            SourceOutcome.Unchanged => $"[green]✓[/] {name}: unchanged {time}",
            SourceOutcome.Failed => $"[red]✗[/] {name}: [red]{detail}[/]",
            _ => $"[yellow]–[/] {name}: [yellow]{(detail.Length > 0 ? detail : SourceStatus.Of(r.Outcome))}[/]",
        };
    }

    public static Table Table(IngestionReport report, int width)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = report.Sources.Select(r => new
        {
            r.SourceName,
            Result = SourceStatus.Of(r.Outcome) + (r.Outcome == SourceOutcome.Ingested && r.Warnings.Count > 0 ? ", warnings" : ""),
            r.Outcome,
            New = r.NewPosts.ToString(CultureInfo.InvariantCulture),
            Duplicates = r.Duplicates.ToString(CultureInfo.InvariantCulture),
            Known = r.Known.ToString(CultureInfo.InvariantCulture),
            Time = r.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s",
            Detail = SourceStatus.Detail(r),
        }).ToList();
        var fixedCells = Widest("Result", rows.Select(r => r.Result)) + Widest("New", rows.Select(r => r.New))
            + Widest("Dup", rows.Select(r => r.Duplicates)) + Widest("Known", rows.Select(r => r.Known)) + Widest("Time", rows.Select(r => r.Time));
        var (nameWidth, messageWidth) = ColumnBudget.Split(
            width, Columns, fixedCells, Widest("Source", rows.Select(r => r.SourceName)), rows.Select(r => r.Detail.GetCellWidth()).DefaultIfEmpty(0).Max());

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Source").NoWrap()).AddColumn(new TableColumn("Result").NoWrap())
            .AddColumn(new TableColumn("New").RightAligned()).AddColumn(new TableColumn("Dup").RightAligned())
            .AddColumn(new TableColumn("Known").RightAligned()).AddColumn(new TableColumn("Time").RightAligned());
        if (messageWidth > 0)
        {
            table.AddColumn(new TableColumn("Message").NoWrap());
        }

        foreach (var r in rows)
        {
            var cells = new List<IRenderable>
            {
                new Text(CellText.Fit(r.SourceName, nameWidth)), new Markup(Markup.Escape(r.Result), ResultStyle(r.Outcome, r.Result)),
                new Text(r.New), new Text(r.Duplicates), new Text(r.Known), new Text(r.Time),
            };
            if (messageWidth > 0)
            {
                cells.Add(new Text(CellText.Fit(r.Detail, messageWidth)));
            }

            table.AddRow(cells);
        }

        table.Caption(IngestLines.Totals(report));
        return table;
    }

    private static Style ResultStyle(SourceOutcome outcome, string result) => outcome switch
    {
        SourceOutcome.Failed => new Style(Color.Red),
        SourceOutcome.Ingested when result.Contains("warnings", StringComparison.Ordinal) => new Style(Color.Yellow),
        SourceOutcome.Ingested => new Style(Color.Green),
        SourceOutcome.Unchanged => Style.Plain,
        _ => new Style(Color.Yellow),
    };

    private static int Widest(string header, IEnumerable<string> cells) => cells.Select(c => c.GetCellWidth()).Append(header.Length).Max();
}
