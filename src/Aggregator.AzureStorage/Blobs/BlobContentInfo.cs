using Azure;

namespace Aggregator.AzureStorage.Blobs;

/// <summary>What the service reports after a write.</summary>
public sealed record BlobContentInfo(ETag ETag, DateTimeOffset LastModified);
