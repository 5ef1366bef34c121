using System.CommandLine;
using Aggregator.Cli.Hosting;
using Aggregator.Hosting;
using Aggregator.Sources;
using Aggregator.Storage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Aggregator.Cli.Commands;

/// <summary><c>sources</c>: each source's health — last error, failure count, next attempt, warnings.</summary>
internal static class SourcesCommand
{
    public static Command Create()
    {
        var sources = CommonOptions.Sources();
        var storage = CommonOptions.Storage();
        var command = new Command("sources", "List the sources with their state: last success, last error, failures and next attempt.")
        {
            sources, storage,
        };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(sources)!, result.GetValue(storage), AnsiConsole.Console, cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(string sources, string? storage, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var configuration = CliServices.Configuration(CommonOptions.Overrides(sources, storage));
        try
        {
            await using var emulator = await LocalStorage.EnsureAsync(configuration, Console.Error, cancellationToken).ConfigureAwait(false);
            await using var services = CliServices.Build(configuration);
            var catalog = await services.GetRequiredService<ISourceCatalogProvider>().GetAsync(cancellationToken).ConfigureAwait(false);
            var states = (await services.GetRequiredService<ISourceStateStore>().ListAsync(cancellationToken).ConfigureAwait(false))
                .ToDictionary(s => s.SourceId, StringComparer.Ordinal);
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("Id").AddColumn("Status").AddColumn("Last success").AddColumn(new TableColumn("Failures").RightAligned())
                .AddColumn("Next attempt").AddColumn("Last error / warnings");
            foreach (var source in catalog.Sources)
            {
                var health = SourceHealth.Of(source, states.GetValueOrDefault(source.Id));
                var status = health.Status switch
                {
                    "ok" => "[green]ok[/]",
                    "failing" => "[red]failing[/]",
                    var other => $"[yellow]{other}[/]",
                };
                var detail = health.LastError ?? string.Join("; ", health.Warnings);
                table.AddRow(Markup.Escape(health.Id), status, health.LastSuccess?.ToString("u") ?? "–", health.FailureCount.ToString(),
                    health.NextAttempt?.ToString("u") ?? "–", Markup.Escape(detail.Length > 100 ? detail[..100] + "…" : detail));
            }

            console.Write(table);
            return 0;
        }
        catch (SourceCatalogException ex)
        {
            console.MarkupLineInterpolated($"[red]Invalid sources:[/] {ex.Message}");
            return 1;
        }
    }
}
