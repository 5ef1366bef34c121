namespace Aggregator.AzureStorage.Blobs;

/// <summary>The HTTP headers stored with a blob and served back on download.</summary>
public sealed class BlobHttpHeaders
{
    public string? ContentType { get; set; }

    public string? CacheControl { get; set; }

    public string? ContentEncoding { get; set; }
}
