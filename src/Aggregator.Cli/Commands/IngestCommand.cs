using System.CommandLine;
using Aggregator.Cli.Hosting;
using Aggregator.Cli.Terminal;
using Aggregator.Ingestion;
using Aggregator.Sources;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Aggregator.Cli.Commands;

/// <summary><c>ingest</c>: one run over the sources. Exit code 1 only when every source failed or the configuration is invalid.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var sources = CommonOptions.Sources();
        var storage = CommonOptions.Storage();
        var force = new Option<bool>("--force") { Description = "Fetch sources that are backing off after failures, too." };
        var command = new Command("ingest", "Fetch new posts from every source once, store them, and print what happened.")
        {
            sources, storage, force,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(sources)!, result.GetValue(storage), result.GetValue(force), AnsiConsole.Console, cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(string sources, string? storage, bool force, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var configuration = CliServices.Configuration(CommonOptions.Overrides(sources, storage));
        try
        {
            await using var emulator = await LocalStorage.EnsureAsync(configuration, Console.Error, cancellationToken).ConfigureAwait(false);
            await using var services = CliServices.Build(configuration);
            var runner = services.GetRequiredService<IngestionRunner>();
            var progress = new IngestProgress(console);
            var options = new IngestionRunOptions { IgnoreBackoff = force, Observer = progress };
            IngestionReport report;
            if (progress.Interactive)
            {
                report = await console.Live(progress.Render()).StartAsync(async live =>
                {
                    progress.Changed = () => live.UpdateTarget(progress.Render());
                    return await runner.RunAsync(options, cancellationToken).ConfigureAwait(false);
                }).ConfigureAwait(false);
            }
            else
            {
                report = await runner.RunAsync(options, cancellationToken).ConfigureAwait(false);
            }

            console.Write(IngestSummary.Table(report));
            return report.AllFailed ? 1 : 0;
        }
        catch (SourceCatalogException ex)
        {
            console.MarkupLineInterpolated($"[red]Invalid sources:[/] {ex.Message}");
            return 1;
        }
    }
}
