using Azure.Core;

namespace Aggregator.AzureStorage.Blobs;

/// <summary>The account's Blob service; hands out container clients sharing one pipeline. Shaped like Azure.Storage.Blobs.</summary>
public sealed class BlobServiceClient
{
    private readonly BlobServiceConnection connection;

    public BlobServiceClient(string connectionString, BlobClientOptions? options = null)
        : this(BlobServiceConnection.FromConnectionString(connectionString, options))
    {
    }

    public BlobServiceClient(Uri serviceUri, TokenCredential credential, BlobClientOptions? options = null)
        : this(BlobServiceConnection.FromToken(serviceUri, credential, options))
    {
    }

    private BlobServiceClient(BlobServiceConnection connection)
    {
        this.connection = connection;
    }

    public Uri Uri => connection.Endpoint;

    public string AccountName => connection.AccountName;

    public BlobContainerClient GetBlobContainerClient(string blobContainerName) => new(connection, blobContainerName);
}
