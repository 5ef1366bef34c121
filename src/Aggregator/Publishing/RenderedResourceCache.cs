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

    public RenderedResourceCache(IOptions<PublishingOptions> options)
    {
        cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.RenderCacheBytes), CompactionPercentage = 0.25 });
    }

    public bool TryGet(string key, out RenderedResource? resource) => cache.TryGetValue(key, out resource);

    public void Set(string key, RenderedResource resource) =>
        cache.Set(key, resource, new MemoryCacheEntryOptions { Size = resource.EstimatedSize, AbsoluteExpirationRelativeToNow = Expiry });

    public void Dispose() => cache.Dispose();
}
