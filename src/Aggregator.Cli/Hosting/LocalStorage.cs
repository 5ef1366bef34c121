using Aggregator.Azurite;
using Aggregator.Cli.Failures;
using Aggregator.Hosting;
using Microsoft.Extensions.Configuration;

namespace Aggregator.Cli.Hosting;

/// <summary>
/// The CLI's storage default: when the configuration points at the development emulator and nothing answers on its
/// table port, start Azurite (the version pinned in package.json) for the life of the command, with its data in the
/// git-ignored .azurite folder so runs build on each other. A user's own Azurite (VS Code, a container) is just used.
/// </summary>
internal static class LocalStorage
{
    private const int TablePort = 10002;

    public static async Task<IAsyncDisposable?> EnsureAsync(IConfiguration configuration, TextWriter log, CancellationToken cancellationToken)
    {
        var settings = StorageSettings.FromConfiguration(configuration);
        if (!string.Equals(settings.ConnectionString?.Trim().TrimEnd(';'), StorageSettings.DevelopmentStorage, StringComparison.OrdinalIgnoreCase)
            || AzuriteProcess.IsListening(TablePort))
        {
            return null;
        }

        var root = FindRepositoryRoot();
        await log.WriteLineAsync($"Starting Azurite on 127.0.0.1:10000-10002 (data in {Path.Combine(root, ".azurite")})…").ConfigureAwait(false);
        try
        {
            return await AzuriteProcess.StartAsync(new AzuriteStartOptions
            {
                SearchFrom = root,
                BlobPort = 10000,
                QueuePort = 10001,
                TablePort = TablePort,
                Location = Path.Combine(root, ".azurite"),
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidOperationException or TimeoutException)
        {
            // Azurite's own message says what is missing (Node.js, `npm ci`) and ends with its output; the first line is enough.
            throw CommandFailure.StorageUnavailable(
                $"Storage unavailable: nothing answers at http://127.0.0.1:{TablePort} and Azurite could not be started: "
                + $"{FailureTranslation.FirstLine(e.Message)} Or {FailureTranslation.OtherStorage}.", e);
        }
    }

    /// <summary>The folder with package.json (where npm installs Azurite): from the working directory up, else the app's.</summary>
    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "package.json")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
