using Aggregator.Papers;
using Aggregator.Storage;

namespace Aggregator.Benchmarks.Publishing;

/// <summary>Read-only stores over fixed lists: the benchmark measures serving, not storage.</summary>
internal sealed class FixedFeedStores(IReadOnlyList<Post> posts) : IPostStore, IPaperStore, IDataVersion
{
    public Task<Post?> GetAsync(string postId, CancellationToken cancellationToken = default) =>
        Task.FromResult(posts.FirstOrDefault(p => p.Id == postId));

    public Task<IReadOnlyList<Post>> GetNewestAsync(FeedQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Post>>(posts.OrderByDescending(p => p.FirstSeen).Take(query.Limit).ToList());

    public Task<string?> FindByIdentityAsync(IReadOnlyCollection<string> identityKeys, CancellationToken cancellationToken = default) =>
        Task.FromResult<string?>(null);

    public Task<IReadOnlyList<FingerprintCandidate>> FindByFingerprintBandsAsync(ulong fingerprint, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<FingerprintCandidate>>([]);

    public Task<PostAddResult> AddAsync(Post post, IReadOnlyCollection<string> identityKeys, int maxFingerprintDistance, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The benchmark's stores are read-only.");

    public Task AddSourceAsync(string postId, PostSource source, IReadOnlyCollection<string> identityKeys, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The benchmark's stores are read-only.");

    public Task<bool> UpdateAsync(Post post, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The benchmark's stores are read-only.");

    Task<Paper?> IPaperStore.GetAsync(string paperId, CancellationToken cancellationToken) => Task.FromResult<Paper?>(null);

    Task<IReadOnlyList<Paper>> IPaperStore.GetNewestAsync(FeedQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Paper>>([]);

    public Task<IReadOnlyDictionary<PaperKey, string>> FindByKeysAsync(IReadOnlyCollection<PaperKey> keys, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<PaperKey, string>>(new Dictionary<PaperKey, string>());

    public Task SaveAsync(Paper paper, IReadOnlyCollection<PaperKey> keys, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The benchmark's stores are read-only.");

    public Task MergeAsync(Paper survivor, IReadOnlyCollection<PaperKey> keys, string absorbedPaperId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The benchmark's stores are read-only.");

    public Task<bool> SaveIfUnchangedAsync(Paper paper, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The benchmark's stores are read-only.");

    public Task<string?> ClaimKeysAsync(string paperId, IReadOnlyCollection<PaperKey> keys, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The benchmark's stores are read-only.");

    public Task<bool> MarkMergedIfUnchangedAsync(Paper absorbed, string survivorId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The benchmark's stores are read-only.");

    Task<string> IDataVersion.GetAsync(CancellationToken cancellationToken) => Task.FromResult("1");

    public Task BumpAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IReadOnlyList<string>> GetSummaryRetriesAsync(int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
