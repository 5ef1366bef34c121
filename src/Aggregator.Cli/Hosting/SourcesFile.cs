using Aggregator.Cli.Failures;
using Aggregator.Hosting;

namespace Aggregator.Cli.Hosting;

/// <summary>
/// A sources file that is not there is known before storage is touched, so the user hears it at once rather than after
/// Azurite has started. Where <see cref="Aggregator.Sources.SourceCatalogFile"/> looks: the path, else the app's folder.
/// </summary>
internal static class SourcesFile
{
    public static void ThrowIfMissing(string location)
    {
        if (Uri.TryCreate(location, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return;
        }

        var path = url is { IsFile: true } ? url.LocalPath : location;
        if (File.Exists(path) || (!Path.IsPathRooted(path) && File.Exists(Path.Combine(AppContext.BaseDirectory, path))))
        {
            return;
        }

        throw CommandFailure.Usage(
            $"Sources file not found: {Path.GetFullPath(path)} — pass --sources PATH (e.g. --sources samples/sources.json) or set {SettingNames.SourcesFile}.");
    }
}
