using Aggregator.AzureStorage.Blobs;
using Aggregator.AzureStorage.Tables;
using Azure.Core;
using Azure.Identity;

namespace Aggregator.AzureStorage.Connection;

/// <summary>
/// How to reach the storage account, as the Functions host spells it: either a connection string
/// (<c>AzureWebJobsStorage</c>) or identity-based settings (<c>AzureWebJobsStorage__tableServiceUri</c>,
/// <c>__blobServiceUri</c>, <c>__credential</c>, <c>__clientId</c>). A connection string wins. With service URIs,
/// <c>credential = managedidentity</c> plus a client id selects that user-assigned identity; anything else uses
/// <see cref="DefaultAzureCredential"/> (developer sign-in locally, the platform identity in Azure).
/// </summary>
public sealed record StorageConnectionSettings
{
    public string? ConnectionString { get; init; }

    public Uri? TableServiceUri { get; init; }

    public Uri? BlobServiceUri { get; init; }

    /// <summary>"managedidentity" to use a managed identity; otherwise the default credential chain is used.</summary>
    public string? Credential { get; init; }

    /// <summary>The client id of a user-assigned managed identity.</summary>
    public string? ClientId { get; init; }

    /// <summary>Replaces the record's generated ToString, which would print the connection string and its key.</summary>
    public override string ToString() => Describe();

    /// <summary>Where the settings point, without secrets: safe to log.</summary>
    public string Describe() =>
        !string.IsNullOrWhiteSpace(ConnectionString)
            ? StorageConnectionString.TryParse(ConnectionString, out var parsed) ? parsed!.ToString() : "an unparsable connection string"
            : $"TableServiceUri={TableServiceUri}; BlobServiceUri={BlobServiceUri}; Credential={Credential ?? "default"}";

    public TableServiceClient CreateTableServiceClient(TableClientOptions? options = null)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return new TableServiceClient(ConnectionString, options);
        }

        return TableServiceUri is not null
            ? new TableServiceClient(TableServiceUri, CreateCredential(), options)
            : throw NotConfigured("tableServiceUri");
    }

    public BlobServiceClient CreateBlobServiceClient(BlobClientOptions? options = null)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return new BlobServiceClient(ConnectionString, options);
        }

        return BlobServiceUri is not null
            ? new BlobServiceClient(BlobServiceUri, CreateCredential(), options)
            : throw NotConfigured("blobServiceUri");
    }

    /// <summary>The identity the service URIs are used with.</summary>
    public TokenCredential CreateCredential() =>
        string.Equals(Credential, "managedidentity", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(ClientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(ClientId))
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = string.IsNullOrWhiteSpace(ClientId) ? null : ClientId });

    private static InvalidOperationException NotConfigured(string uriSetting) => new(
        $"Storage is not configured: set a connection string (AzureWebJobsStorage, e.g. UseDevelopmentStorage=true for Azurite) or the identity-based {uriSetting} (AzureWebJobsStorage__{uriSetting}).");
}
