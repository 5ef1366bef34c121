using System.CommandLine;
using Aggregator.Hosting;

namespace Aggregator.Cli.Commands;

/// <summary>Options every pipeline command takes, and how they override configuration.</summary>
internal static class CommonOptions
{
    public const string VerboseName = "--verbose";

    public static Option<string> Sources() => new("--sources")
    {
        Description = $"The sources JSON file (path or URL); overrides {SettingNames.SourcesFile}.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(SettingNames.SourcesFile) is { Length: > 0 } configured ? configured : "sources.json",
    };

    public static Option<string?> Storage() => new("--storage")
    {
        Description = $"Storage connection string; overrides {SettingNames.Storage}. Default: the local emulator (Azurite), started if needed.",
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Write one JSON document to stdout and nothing else (schema in the README).",
    };

    /// <summary>On the root command, for every command: stack traces on failure, and the pipeline's log on stderr.</summary>
    public static Option<bool> Verbose() => new(VerboseName)
    {
        Description = "On failure, show the stack trace; log the pipeline (debug level) to stderr.",
        Recursive = true,
    };

    /// <summary>--verbose, or a Debug/Trace default log level (Logging__LogLevel__Default), as .NET apps are told to be chatty.</summary>
    public static bool IsVerbose(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return (result.GetResult(VerboseName) is not null && result.GetValue<bool>(VerboseName)) || DebugLogging();
    }

    public static bool DebugLogging() =>
        Environment.GetEnvironmentVariable("Logging__LogLevel__Default") is { } level
        && (level.Equals("Debug", StringComparison.OrdinalIgnoreCase) || level.Equals("Trace", StringComparison.OrdinalIgnoreCase));

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
