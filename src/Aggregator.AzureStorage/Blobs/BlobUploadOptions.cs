namespace Aggregator.AzureStorage.Blobs;

/// <summary>Headers and conditions for <see cref="BlobClient.UploadAsync(BinaryData, BlobUploadOptions, CancellationToken)"/>.</summary>
public sealed class BlobUploadOptions
{
    public BlobHttpHeaders? HttpHeaders { get; set; }

    public BlobRequestConditions? Conditions { get; set; }
}
