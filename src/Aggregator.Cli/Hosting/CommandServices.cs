using Aggregator.Cli.Commands;
using Aggregator.Cli.Failures;
using Aggregator.Cli.Terminal;
using Aggregator.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Cli.Hosting;

/// <summary>
/// Runs a one-shot command's work with the pipeline's services, the local emulator started if it is needed, and what
/// goes wrong put in the user's terms (<see cref="FailureTranslation"/>), naming the storage and sources file given.
/// </summary>
internal static class CommandServices
{
    public static async Task<int> RunAsync(
        PipelineArguments arguments, CliConsole console, Func<IServiceProvider, Task<int>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(work);
        var configuration = CliServices.Configuration(arguments.Overrides());
        var storage = CliServices.Settings(() => StorageSettings.FromConfiguration(configuration));
        SourcesFile.ThrowIfMissing(arguments.Sources);
        try
        {
            // Settings first: a bad value is reported before an emulator is started for nothing.
            await using var services = CliServices.Build(configuration, arguments.Verbose);
            await using var emulator = await LocalStorage.EnsureAsync(configuration, console.Error, cancellationToken).ConfigureAwait(false);
            return await work(services).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not CommandFailure && FailureTranslation.Translate(e, storage) is { } failure)
        {
            throw failure;
        }
    }
}
