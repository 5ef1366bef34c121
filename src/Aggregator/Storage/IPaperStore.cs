using Aggregator.Papers;

namespace Aggregator.Storage;

/// <summary>Papers in domain terms: key lookups are point reads, the newest N cost O(N).</summary>
public interface IPaperStore
{
    Task<Paper?> GetAsync(string paperId, CancellationToken cancellationToken = default);

    /// <summary>Newest first by <see cref="Paper.FirstSeen"/>, filtered (including <see cref="FeedQuery.MinSources"/>).</summary>
    Task<IReadOnlyList<Paper>> GetNewestAsync(FeedQuery query, CancellationToken cancellationToken = default);

    /// <summary>The paper ids already known under any of these keys.</summary>
    Task<IReadOnlyDictionary<PaperKey, string>> FindByKeysAsync(IReadOnlyCollection<PaperKey> keys, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces a paper and points all its keys at it.</summary>
    Task SaveAsync(Paper paper, IReadOnlyCollection<PaperKey> keys, CancellationToken cancellationToken = default);

    /// <summary>Folds <paramref name="absorbedPaperId"/> into <paramref name="survivor"/>: keys re-pointed, the absorbed paper removed.</summary>
    Task MergeAsync(Paper survivor, IReadOnlyCollection<PaperKey> keys, string absorbedPaperId, CancellationToken cancellationToken = default);
}
