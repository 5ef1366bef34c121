using Azure.Core;

namespace Aggregator.AzureStorage.Blobs;

/// <summary>Retries, diagnostics and transport for the blob clients (Azure.Core's <see cref="ClientOptions"/>).</summary>
public sealed class BlobClientOptions : ClientOptions
{
}
