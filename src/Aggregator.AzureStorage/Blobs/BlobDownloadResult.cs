namespace Aggregator.AzureStorage.Blobs;

/// <summary>A whole blob in memory with its details.</summary>
public sealed class BlobDownloadResult
{
    public required BinaryData Content { get; init; }

    public required BlobDownloadDetails Details { get; init; }
}
