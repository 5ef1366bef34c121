using Azure;

namespace Aggregator.AzureStorage.Blobs;

/// <summary>The stored headers and version of a downloaded blob.</summary>
public sealed class BlobDownloadDetails
{
    public string? ContentType { get; init; }

    public string? CacheControl { get; init; }

    public string? ContentEncoding { get; init; }

    public ETag ETag { get; init; }

    public DateTimeOffset LastModified { get; init; }
}
