using System.CommandLine;
using Aggregator.Cli.Failures;
using Aggregator.Cli.Hosting;
using Aggregator.Cli.Terminal;
using Aggregator.Ingestion;
using Aggregator.Storage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Aggregator.Cli.Commands;

/// <summary>
/// <c>ingest</c>: one run over the sources. On a terminal, live progress and a table; redirected, one plain line per
/// source; with --json, one JSON document (<see cref="IngestJson"/>). Exit code 1 when any source failed.
/// </summary>
internal static class IngestCommand
{
    public static Command Create(CliConsole console)
    {
        var sources = CommonOptions.Sources();
        var storage = CommonOptions.Storage();
        var json = CommonOptions.Json();
        var force = new Option<bool>("--force") { Description = "Fetch sources that are backing off after failures, too." };
        var command = new Command("ingest", "Fetch new posts from every source once, store them, and print what happened.")
        {
            sources, storage, force, json,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            new PipelineArguments(result.GetValue(sources)!, result.GetValue(storage), CommonOptions.IsVerbose(result)),
            result.GetValue(force), result.GetValue(json), console, cancellationToken));
        return command;
    }

    internal static Task<int> RunAsync(PipelineArguments arguments, bool force, bool json, CliConsole console, CancellationToken cancellationToken) =>
        CommandServices.RunAsync(arguments, console, async services =>
        {
            var runner = services.GetRequiredService<IngestionRunner>();
            var options = new IngestionRunOptions { IgnoreBackoff = force };
            IngestionReport report;
            if (json)
            {
                report = await runner.RunAsync(options, cancellationToken).ConfigureAwait(false);
                var states = (await services.GetRequiredService<ISourceStateStore>().ListAsync(cancellationToken).ConfigureAwait(false))
                    .ToDictionary(s => s.SourceId, StringComparer.Ordinal);
                await JsonOutput.WriteAsync(console.Out, IngestJson.Of(report, states), cancellationToken).ConfigureAwait(false);
            }
            else if (!console.Terminal.IsTerminal)
            {
                report = await runner.RunAsync(options with { Observer = new IngestLines(console.Out) }, cancellationToken).ConfigureAwait(false);
                if (EnrichmentLine.Of(report.Enrichment) is { } papers)
                {
                    await console.Out.WriteLineAsync(papers).ConfigureAwait(false);
                }

                await console.Out.WriteLineAsync(IngestLines.Totals(report)).ConfigureAwait(false);
                await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                report = await RunOnTerminalAsync(runner, options, console, cancellationToken).ConfigureAwait(false);
            }

            return report.Failed > 0 ? ExitCodes.SourcesFailed : ExitCodes.Ok;
        }, cancellationToken);

    private static async Task<IngestionReport> RunOnTerminalAsync(IngestionRunner runner, IngestionRunOptions options, CliConsole console, CancellationToken cancellationToken)
    {
        var ansi = console.CreateAnsiConsole();
        IngestionReport report;
        if (console.Terminal.Live)
        {
            var progress = new IngestProgress(console.Terminal.Width);
            report = await ansi.Live(progress.Render()).StartAsync(async live =>
            {
                progress.Changed = () => live.UpdateTarget(progress.Render());
                return await runner.RunAsync(options with { Observer = progress }, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        else
        {
            report = await runner.RunAsync(options, cancellationToken).ConfigureAwait(false);
        }

        ansi.Write(IngestSummary.Table(report, console.Terminal.Width));
        if (EnrichmentLine.Of(report.Enrichment) is { } papers)
        {
            ansi.WriteLine(papers);
        }
        return report;
    }
}
