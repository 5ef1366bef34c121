using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure;

namespace Aggregator.Publishing.Images;

/// <summary>
/// Proxied images kept in a Blob container, one blob per image named by the hash of its URL, stored with its content
/// type and the proxy's long-lived Cache-Control (so the blob could also be served directly, e.g. behind a CDN).
/// </summary>
public sealed class BlobImageCache : IImageCache
{
    public const string DefaultContainerName = "images";

    private readonly BlobContainerClient container;
    private Task? containerCreated;

    public BlobImageCache(BlobServiceClient service, string containerName = DefaultContainerName)
    {
        ArgumentNullException.ThrowIfNull(service);
        container = service.GetBlobContainerClient(containerName);
    }

    public async Task<CachedImage?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        try
        {
            var download = await container.GetBlobClient(key).DownloadContentAsync(cancellationToken);
            var result = download.Value;
            return new CachedImage(result.Details.ContentType ?? "application/octet-stream", result.Content.ToArray());
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No such blob, or no container yet (it is created by the first store).
            return null;
        }
    }

    public async Task SetAsync(string key, CachedImage image, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(image);
        await EnsureContainerAsync();
        await container.GetBlobClient(key).UploadAsync(
            BinaryData.FromBytes(image.Content),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = image.ContentType, CacheControl = ImageProxy.ImmutableCacheControl } },
            cancellationToken);
    }

    /// <summary>Creates the container once; a failed attempt (storage briefly unreachable) is retried on the next call.</summary>
    private Task EnsureContainerAsync()
    {
        var task = containerCreated;
        if (task is null || task.IsFaulted || task.IsCanceled)
        {
            // Two callers racing here both create; CreateIfNotExists makes that harmless.
            task = container.CreateIfNotExistsAsync();
            containerCreated = task;
        }

        return task;
    }
}
