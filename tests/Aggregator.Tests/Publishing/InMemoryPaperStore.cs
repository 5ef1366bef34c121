using System.Collections.Concurrent;
using Aggregator.Papers;
using Aggregator.Storage;

namespace Aggregator.Tests.Publishing;

/// <summary>A real <see cref="IPaperStore"/> over a dictionary, counting feed reads.</summary>
internal sealed class InMemoryPaperStore : IPaperStore
{
    private readonly ConcurrentDictionary<string, Paper> papers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<PaperKey, string> keys = new();
    private int newestCalls;

    public InMemoryPaperStore(IEnumerable<Paper>? papers = null)
    {
        foreach (var paper in papers ?? [])
        {
            this.papers[paper.Id] = paper;
        }
    }

    public int NewestCalls => Volatile.Read(ref newestCalls);

    public Task<Paper?> GetAsync(string paperId, CancellationToken cancellationToken = default) =>
        Task.FromResult(papers.GetValueOrDefault(paperId));

    public Task<IReadOnlyList<Paper>> GetNewestAsync(FeedQuery query, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref newestCalls);
        IReadOnlyList<Paper> result = papers.Values
            .Where(p => query.SourceId is null || p.Coverage.Any(c => c.SourceId == query.SourceId))
            .Where(p => query.Keyword is null
                || p.Title.Contains(query.Keyword, StringComparison.CurrentCultureIgnoreCase)
                || (p.Summary?.Contains(query.Keyword, StringComparison.CurrentCultureIgnoreCase) ?? false))
            .Where(p => query.Since is null || p.FirstSeen >= query.Since)
            .Where(p => query.MinSources is null || p.SourceCount >= query.MinSources)
            .OrderByDescending(p => p.FirstSeen)
            .Take(query.Limit)
            .ToList();
        return Task.FromResult(result);
    }

    public Task<IReadOnlyDictionary<PaperKey, string>> FindByKeysAsync(IReadOnlyCollection<PaperKey> keys, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<PaperKey, string>>(keys.Where(this.keys.ContainsKey).ToDictionary(k => k, k => this.keys[k]));

    public Task SaveAsync(Paper paper, IReadOnlyCollection<PaperKey> keys, CancellationToken cancellationToken = default)
    {
        papers[paper.Id] = paper;
        foreach (var key in keys)
        {
            this.keys[key] = paper.Id;
        }

        return Task.CompletedTask;
    }

    public async Task MergeAsync(Paper survivor, IReadOnlyCollection<PaperKey> keys, string absorbedPaperId, CancellationToken cancellationToken = default)
    {
        papers.TryRemove(absorbedPaperId, out _);
        await SaveAsync(survivor, keys, cancellationToken);
    }

    public Task<bool> SaveIfUnchangedAsync(Paper paper, CancellationToken cancellationToken = default)
    {
        papers[paper.Id] = paper;
        return Task.FromResult(true);
    }

    public Task<string?> ClaimKeysAsync(string paperId, IReadOnlyCollection<PaperKey> keys, CancellationToken cancellationToken = default)
    {
        foreach (var key in keys)
        {
            this.keys[key] = paperId;
        }

        return Task.FromResult<string?>(null);
    }

    public Task<bool> MarkMergedIfUnchangedAsync(Paper absorbed, string survivorId, CancellationToken cancellationToken = default) =>
        Task.FromResult(papers.TryRemove(absorbed.Id, out _));
}
