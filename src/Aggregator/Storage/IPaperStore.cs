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

    /// <summary>
    /// Writes the paper if it is still the version it was read at (<see cref="Paper.StoreVersion"/>; null: only if it
    /// does not exist yet); false when another writer got there first, so the caller reads again and reapplies.
    /// </summary>
    Task<bool> SaveIfUnchangedAsync(Paper paper, CancellationToken cancellationToken = default);

    /// <summary>
    /// Points each key at the paper unless it already belongs to another live paper, which is returned (the caller merges
    /// the two); a key of a paper already merged into this one is re-pointed. Null when every key is the paper's.
    /// </summary>
    Task<string?> ClaimKeysAsync(string paperId, IReadOnlyCollection<PaperKey> keys, CancellationToken cancellationToken = default);

    /// <summary>Turns <paramref name="absorbed"/> into a pointer to its survivor if unchanged since read; false otherwise.</summary>
    Task<bool> MarkMergedIfUnchangedAsync(Paper absorbed, string survivorId, CancellationToken cancellationToken = default);

    /// <summary>Folds <paramref name="absorbedPaperId"/> into <paramref name="survivor"/>: keys re-pointed, the absorbed paper removed.</summary>
    Task MergeAsync(Paper survivor, IReadOnlyCollection<PaperKey> keys, string absorbedPaperId, CancellationToken cancellationToken = default);
}
