namespace Aggregator.Cli.Commands;

/// <summary>What the pipeline commands (ingest, sources, serve) are told on the command line about where things are.</summary>
/// <param name="Sources">The sources file, path or URL.</param>
/// <param name="Storage">A storage connection string, or null for the configured one (or the local emulator).</param>
/// <param name="Verbose">Stack traces and the pipeline's log on stderr.</param>
internal sealed record PipelineArguments(string Sources, string? Storage, bool Verbose = false)
{
    public Dictionary<string, string?> Overrides() => CommonOptions.Overrides(Sources, Storage);
}
