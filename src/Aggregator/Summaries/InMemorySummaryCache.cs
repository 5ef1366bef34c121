using System.Collections.Concurrent;

namespace Aggregator.Summaries;

/// <summary>A process-lifetime <see cref="ISummaryCache"/> for runs without storage (CLI dry runs, tests).</summary>
public sealed class InMemorySummaryCache : ISummaryCache
{
    private readonly ConcurrentDictionary<string, string> summaries = new(StringComparer.Ordinal);

    public int Count => summaries.Count;

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(summaries.TryGetValue(key, out var summary) ? summary : null);

    public Task SetAsync(string key, string summary, CancellationToken cancellationToken = default)
    {
        summaries[key] = summary;
        return Task.CompletedTask;
    }
}
