using Aggregator.Sources;
using Aggregator.Storage;

namespace Aggregator.Hosting;

/// <summary>One source as the health endpoint and the CLI's <c>sources</c> command show it.</summary>
public sealed record SourceHealth(
    string Id,
    string Name,
    string Url,
    string Type,
    bool Enabled,
    string Status,
    DateTimeOffset? LastAttempt,
    DateTimeOffset? LastSuccess,
    string? LastError,
    int FailureCount,
    DateTimeOffset? NextAttempt,
    int LastNewItems,
    int TotalItems,
    IReadOnlyList<string> Warnings)
{
    public static SourceHealth Of(SourceDefinition source, SourceState? state) => new(
        source.Id,
        source.Name,
        source.Url.IsFile ? source.Url.LocalPath : source.Url.AbsoluteUri,
        source.Type.ToString().ToLowerInvariant(),
        source.Enabled,
        !source.Enabled ? "disabled"
            : state is null ? "never fetched"
            : state.FailureCount > 0 ? "failing"
            : state.Warnings.Count > 0 ? "ok with warnings"
            : "ok",
        state?.LastAttempt,
        state?.LastSuccess,
        state?.LastError,
        state?.FailureCount ?? 0,
        state?.NextAttempt,
        state?.LastNewItems ?? 0,
        state?.TotalItems ?? 0,
        state?.Warnings ?? []);
}
