using Azure;

namespace Aggregator.AzureStorage.Blobs;

/// <summary>What the service reports after creating a container.</summary>
public sealed record BlobContainerInfo(ETag ETag, DateTimeOffset LastModified);
