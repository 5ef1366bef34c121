using System.Collections.Concurrent;
using Aggregator.Storage;

namespace Aggregator.Tests.Publishing;

/// <summary>A real <see cref="IPostStore"/> over a list, counting feed reads so tests can prove the render cache works.</summary>
internal sealed class InMemoryPostStore : IPostStore
{
    private readonly ConcurrentDictionary<string, Post> posts = new(StringComparer.Ordinal);
    private int newestCalls;

    public InMemoryPostStore(IEnumerable<Post>? posts = null)
    {
        foreach (var post in posts ?? [])
        {
            this.posts[post.Id] = post;
        }
    }

    public int NewestCalls => Volatile.Read(ref newestCalls);

    public Task<Post?> GetAsync(string postId, CancellationToken cancellationToken = default) =>
        Task.FromResult(posts.GetValueOrDefault(postId));

    public Task<IReadOnlyList<Post>> GetNewestAsync(FeedQuery query, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref newestCalls);
        IReadOnlyList<Post> result = posts.Values
            .Where(p => query.SourceId is null || p.SourceId == query.SourceId || p.Sources.Any(s => s.SourceId == query.SourceId))
            .Where(p => query.Keyword is null
                || p.Title.Contains(query.Keyword, StringComparison.CurrentCultureIgnoreCase)
                || (p.Summary?.Contains(query.Keyword, StringComparison.CurrentCultureIgnoreCase) ?? false))
            .Where(p => query.Since is null || p.FirstSeen >= query.Since)
            .OrderByDescending(p => p.FirstSeen)
            .Take(query.Limit)
            .ToList();
        return Task.FromResult(result);
    }

    public Task<string?> FindByIdentityAsync(IReadOnlyCollection<string> identityKeys, CancellationToken cancellationToken = default) =>
        Task.FromResult(posts.Values.FirstOrDefault(p => identityKeys.Contains(p.Link) || identityKeys.Contains(p.Id))?.Id);

    public Task<IReadOnlyList<FingerprintCandidate>> FindByFingerprintBandsAsync(ulong fingerprint, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<FingerprintCandidate>>(posts.Values.Where(p => p.Fingerprint == fingerprint).Select(p => new FingerprintCandidate(p.Id, p.Fingerprint)).ToList());

    public Task<PostAddResult> AddAsync(Post post, IReadOnlyCollection<string> identityKeys, int maxFingerprintDistance, CancellationToken cancellationToken = default) =>
        Task.FromResult(new PostAddResult(posts.TryAdd(post.Id, post) ? PostAddOutcome.Added : PostAddOutcome.Known, post.Id));

    public Task AddSourceAsync(string postId, PostSource source, IReadOnlyCollection<string> identityKeys, CancellationToken cancellationToken = default)
    {
        if (posts.TryGetValue(postId, out var post))
        {
            posts[postId] = CopyWith(post, [.. post.Sources, source]);
        }

        return Task.CompletedTask;
    }

    public Task<bool> UpdateAsync(Post post, CancellationToken cancellationToken = default)
    {
        posts[post.Id] = post;
        return Task.FromResult(true);
    }

    private static Post CopyWith(Post post, IReadOnlyList<PostSource> sources) =>
        new()
        {
            Id = post.Id, SourceId = post.SourceId, SourceName = post.SourceName, Title = post.Title, Link = post.Link,
            Authors = post.Authors, Published = post.Published, Updated = post.Updated, FirstSeen = post.FirstSeen,
            ContentHtml = post.ContentHtml, Text = post.Text, Summary = post.Summary, Summarizer = post.Summarizer,
            Language = post.Language, Categories = post.Categories, Papers = post.Papers, Sources = sources,
        };

    public Task<IReadOnlyList<string>> GetSummaryRetriesAsync(int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
