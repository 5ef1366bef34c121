using System.CommandLine;
using Aggregator.Cli.Failures;
using Aggregator.Cli.Hosting;
using Aggregator.Cli.Terminal;
using Aggregator.Hosting;
using Aggregator.Sources;
using Aggregator.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Cli.Commands;

/// <summary>
/// <c>sources</c>: each source's health — last error, failure count, next attempt, warnings — as a table, plain lines
/// when redirected, or JSON (<see cref="SourcesJson"/>). Exit code 1 when any source is failing.
/// </summary>
internal static class SourcesCommand
{
    public static Command Create(CliConsole console)
    {
        var sources = CommonOptions.Sources();
        var storage = CommonOptions.Storage();
        var json = CommonOptions.Json();
        var command = new Command("sources", "List the sources with their state: last success, last error, failures and next attempt.")
        {
            sources, storage, json,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            new PipelineArguments(result.GetValue(sources)!, result.GetValue(storage), CommonOptions.IsVerbose(result)),
            result.GetValue(json), console, cancellationToken));
        return command;
    }

    internal static Task<int> RunAsync(PipelineArguments arguments, bool json, CliConsole console, CancellationToken cancellationToken) =>
        CommandServices.RunAsync(arguments, console, async services =>
        {
            var catalog = await services.GetRequiredService<ISourceCatalogProvider>().GetAsync(cancellationToken).ConfigureAwait(false);
            var states = (await services.GetRequiredService<ISourceStateStore>().ListAsync(cancellationToken).ConfigureAwait(false))
                .ToDictionary(s => s.SourceId, StringComparer.Ordinal);
            var health = catalog.Sources.Select(s => SourceHealth.Of(s, states.GetValueOrDefault(s.Id))).ToList();
            if (json)
            {
                await JsonOutput.WriteAsync(console.Out, new SourcesJson(health), cancellationToken).ConfigureAwait(false);
            }
            else if (console.Terminal.IsTerminal)
            {
                console.CreateAnsiConsole().Write(SourceList.Table(health, console.Terminal.Width));
            }
            else
            {
                foreach (var source in health)
                {
                    await console.Out.WriteLineAsync(SourceList.Line(source)).ConfigureAwait(false);
                }

                await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            return health.Any(h => h.Status == "failing") ? ExitCodes.SourcesFailed : ExitCodes.Ok;
        }, cancellationToken);
}
