namespace Aggregator.Publishing.Images;

/// <summary>Where proxied images are kept (Blob storage in production), so each is fetched from its origin once.</summary>
public interface IImageCache
{
    /// <summary>The image stored under <paramref name="key"/>, or null when there is none.</summary>
    Task<CachedImage?> GetAsync(string key, CancellationToken cancellationToken = default);

    Task SetAsync(string key, CachedImage image, CancellationToken cancellationToken = default);
}
