using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Aggregator.Publishing;

/// <summary>
/// Rendered feeds by (route, base URL, canonical query, data version), bounded by bytes. Keys of superseded data versions
/// are never asked for again and age out as the size limit and expiry push them out.
/// </summary>
internal sealed class RenderedResourceCache : IDisposable
{
    private static readonly TimeSpan Expiry = TimeSpan.FromHours(6);
    private readonly MemoryCache cache;
    private readonly ConcurrentDictionary<string, Lazy<Task<RenderedResource>>> rendering = new(StringComparer.Ordinal);

    public RenderedResourceCache(IOptions<PublishingOptions> options)
    {
        cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.RenderCacheBytes), CompactionPercentage = 0.25 });
    }

    public bool TryGet(string key, out RenderedResource? resource) => cache.TryGetValue(key, out resource);

    /// <summary>
    /// The cached resource, or one rendering shared by every request that misses at the same time: when the data version
    /// changes and a hundred readers poll at once, the feed is rendered once, not a hundred times.
    /// </summary>
    public async Task<RenderedResource> GetOrRenderAsync(string key, Func<Task<RenderedResource>> render)
    {
        if (TryGet(key, out var cached))
        {
            return cached!;
        }

        var shared = rendering.GetOrAdd(key, _ => new Lazy<Task<RenderedResource>>(render));
        try
        {
            var resource = await shared.Value;
            Set(key, resource);
            return resource;
        }
        finally
        {
            rendering.TryRemove(new KeyValuePair<string, Lazy<Task<RenderedResource>>>(key, shared));
        }
    }

    public void Set(string key, RenderedResource resource) =>
        cache.Set(key, resource, new MemoryCacheEntryOptions { Size = resource.EstimatedSize, AbsoluteExpirationRelativeToNow = Expiry });

    public void Dispose() => cache.Dispose();
}
