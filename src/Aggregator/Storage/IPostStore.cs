namespace Aggregator.Storage;

/// <summary>Posts in domain terms. Reads of the newest N cost O(N) entity reads; lookups are point reads.</summary>
public interface IPostStore
{
    Task<Post?> GetAsync(string postId, CancellationToken cancellationToken = default);

    /// <summary>Newest first by <see cref="Post.FirstSeen"/>, filtered.</summary>
    Task<IReadOnlyList<Post>> GetNewestAsync(FeedQuery query, CancellationToken cancellationToken = default);

    /// <summary>The post already stored under any of these identity keys (guid, canonical URL), if any.</summary>
    Task<string?> FindByIdentityAsync(IReadOnlyCollection<string> identityKeys, CancellationToken cancellationToken = default);

    /// <summary>Stored posts whose fingerprint shares a band with this one (candidates for near-duplicates).</summary>
    Task<IReadOnlyList<FingerprintCandidate>> FindByFingerprintBandsAsync(ulong fingerprint, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a new post with its identity keys and fingerprint bands, unless another writer (another instance, another
    /// source of this run) stored it, or a post within <paramref name="maxFingerprintDistance"/> of it, first: then this
    /// copy is recorded on that post. Storing the same post twice stores it once; a rerun after a crash completes it.
    /// </summary>
    Task<PostAddResult> AddAsync(Post post, IReadOnlyCollection<string> identityKeys, int maxFingerprintDistance, CancellationToken cancellationToken = default);

    /// <summary>Records another source carrying an existing post (followed to the post it was merged into), and that copy's identity keys.</summary>
    Task AddSourceAsync(string postId, PostSource source, IReadOnlyCollection<string> identityKeys, CancellationToken cancellationToken = default);

    /// <summary>Posts whose summary fell back from the LLM and should be asked again, oldest first.</summary>
    Task<IReadOnlyList<string>> GetSummaryRetriesAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the post's papers, summary or representative copy after the fact. A post read from the store (with a
    /// <see cref="Post.StoreVersion"/>) is written only if unchanged since: false means another writer changed it, so
    /// read it again and reapply.
    /// </summary>
    Task<bool> UpdateAsync(Post post, CancellationToken cancellationToken = default);
}
