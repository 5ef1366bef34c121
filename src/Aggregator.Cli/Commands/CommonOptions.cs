using System.CommandLine;
using Aggregator.Hosting;

namespace Aggregator.Cli.Commands;

/// <summary>Options every pipeline command takes, and how they override configuration.</summary>
internal static class CommonOptions
{
    public static Option<string> Sources() => new("--sources")
    {
        Description = "The sources JSON file (path or URL).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(SettingNames.SourcesFile) is { Length: > 0 } configured ? configured : "sources.json",
    };

    public static Option<string?> Storage() => new("--storage")
    {
        Description = "Storage connection string; overrides AzureWebJobsStorage. Default: the local emulator (Azurite), started if needed.",
    };

    /// <summary>Configuration overrides from the command line, in SettingNames terms.</summary>
    public static Dictionary<string, string?> Overrides(string sources, string? storage)
    {
        var overrides = new Dictionary<string, string?> { [SettingNames.SourcesFile] = sources };
        if (storage is { Length: > 0 })
        {
            overrides[SettingNames.Storage] = storage;
        }

        return overrides;
    }
}
