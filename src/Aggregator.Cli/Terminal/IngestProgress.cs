using System.Collections.Concurrent;
using Aggregator.Ingestion;
using Aggregator.Sources;
using Spectre.Console;

namespace Aggregator.Cli.Terminal;

/// <summary>
/// A live line per source while a run goes on: on a terminal the lines update in place; redirected, each source's
/// result is printed once as it finishes, so logs stay readable.
/// </summary>
internal sealed class IngestProgress(IAnsiConsole console) : IIngestionObserver
{
    private readonly ConcurrentDictionary<string, string> lines = new(StringComparer.Ordinal);
    private readonly List<string> order = [];
    private readonly Lock gate = new();

    public bool Interactive => console.Profile.Capabilities.Interactive;

    public Action? Changed { get; set; }

    public void SourceStarted(SourceDefinition source)
    {
        lock (gate)
        {
            order.Add(source.Id);
        }

        lines[source.Id] = $"[grey]…[/] {Markup.Escape(source.Name)} [grey]fetching[/]";
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

        lines[result.SourceId] = IngestSummary.Line(result);
        if (!Interactive)
        {
            console.MarkupLine(lines[result.SourceId]);
        }

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
