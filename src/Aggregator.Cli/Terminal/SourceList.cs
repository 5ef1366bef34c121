using System.Globalization;
using Aggregator.Hosting;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Aggregator.Cli.Terminal;

/// <summary>
/// The <c>sources</c> listing: a table at the terminal's width, or, redirected, one plain line per source:
/// <c>ID: STATUS, N new last run, M stored, F failures, last success T, next attempt T[: error or warnings]</c>.
/// </summary>
internal static class SourceList
{
    private const int Columns = 6;

    public static string Line(SourceHealth source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{source.Id}: {source.Status}, {source.LastNewItems} new last run, {source.TotalItems} stored, {source.FailureCount} failures, "
            + $"last success {Time(source.LastSuccess) ?? "never"}, next attempt {Time(source.NextAttempt) ?? "any time"}");
        return Detail(source) is { Length: > 0 } detail ? $"{line}: {detail}" : line;
    }

    public static Table Table(IReadOnlyList<SourceHealth> sources, int width)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var fixedCells = Widest("Status", sources.Select(s => s.Status)) + Widest("Last success", sources.Select(s => Time(s.LastSuccess) ?? "–"))
            + Widest("Fail", sources.Select(s => s.FailureCount.ToString(CultureInfo.InvariantCulture)))
            + Widest("Next attempt", sources.Select(s => Time(s.NextAttempt) ?? "–"));
        var (idWidth, detailWidth) = ColumnBudget.Split(
            width, Columns, fixedCells, Widest("Id", sources.Select(s => s.Id)), sources.Select(s => Detail(s).GetCellWidth()).DefaultIfEmpty(0).Max());

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Id").NoWrap()).AddColumn(new TableColumn("Status").NoWrap()).AddColumn(new TableColumn("Last success").NoWrap())
            .AddColumn(new TableColumn("Fail").RightAligned()).AddColumn(new TableColumn("Next attempt").NoWrap());
        if (detailWidth > 0)
        {
            table.AddColumn(new TableColumn("Last error / warnings").NoWrap());
        }

        foreach (var source in sources)
        {
            var cells = new List<IRenderable>
            {
                new Text(CellText.Fit(source.Id, idWidth)), new Text(source.Status, StatusStyle(source.Status)),
                new Text(Time(source.LastSuccess) ?? "–"), new Text(source.FailureCount.ToString(CultureInfo.InvariantCulture)),
                new Text(Time(source.NextAttempt) ?? "–"),
            };
            if (detailWidth > 0)
            {
                cells.Add(new Text(CellText.Fit(Detail(source), detailWidth)));
            }

            table.AddRow(cells);
        }

        return table;
    }

    private static string Detail(SourceHealth source) => CellText.OneLine(source.LastError ?? string.Join("; ", source.Warnings));

    private static string? Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    private static Style StatusStyle(string status) => status switch
    {
        "ok" => new Style(Color.Green),
        "failing" => new Style(Color.Red),
        _ => new Style(Color.Yellow),
    };

    private static int Widest(string header, IEnumerable<string> cells) => cells.Select(c => c.GetCellWidth()).Append(header.Length).Max();
}
