using System.Collections.Concurrent;
using Aggregator.Ingestion;
using Aggregator.Sources;
using Spectre.Console;

namespace Aggregator.Cli.Terminal;

/// <summary>
/// A live line per source while a run goes on, updated in place: only on a terminal with cursor control (see
/// <see cref="TerminalProfile.Live"/>); redirected output gets <see cref="IngestLines"/> instead.
/// </summary>
internal sealed class IngestProgress(int width) : IIngestionObserver
{
    private readonly ConcurrentDictionary<string, string> lines = new(StringComparer.Ordinal);
    private readonly List<string> order = [];
    private readonly Lock gate = new();

    public Action? Changed { get; set; }

    public void SourceStarted(SourceDefinition source)
    {
        lock (gate)
        {
            order.Add(source.Id);
        }

        lines[source.Id] = $"[grey]…[/] {Markup.Escape(CellText.Fit(source.Name, Math.Max(8, width - 12)))} [grey]fetching[/]";
        Changed?.Invoke();
    }

    public void SourceFinished(SourceRunResult result)
    {
        lock (gate)
        {
            if (!order.Contains(result.SourceId))
            {
                order.Add(result.SourceId);
            }
        }

        lines[result.SourceId] = IngestSummary.Line(result, width);
        Changed?.Invoke();
    }

    public Rows Render()
    {
        lock (gate)
        {
            return new Rows(order.Select(id => new Markup(lines.GetValueOrDefault(id, ""))));
        }
    }
}
