using Microsoft.Extensions.Caching.Memory;

namespace Aggregator.Publishing.Images;

/// <summary>An in-process, size-bounded image cache: the fallback when no Blob-backed cache is registered.</summary>
public sealed class MemoryImageCache : IImageCache, IDisposable
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 64L * 1024 * 1024 });

    public Task<CachedImage?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(cache.TryGetValue(key, out CachedImage? image) ? image : null);

    public Task SetAsync(string key, CachedImage image, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        cache.Set(key, image, new MemoryCacheEntryOptions { Size = image.Content.Length + 256 });
        return Task.CompletedTask;
    }

    public void Dispose() => cache.Dispose();
}
