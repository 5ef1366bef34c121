using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Aggregator.Hosting;

/// <summary>
/// How to reach the storage account, as the Functions host spells it: either a connection string
/// (<c>AzureWebJobsStorage</c>) or identity-based settings (<c>AzureWebJobsStorage__tableServiceUri</c>,
/// <c>__blobServiceUri</c>, <c>__queueServiceUri</c>, <c>__credential</c>, <c>__clientId</c>). A connection string wins.
/// With service URIs, <c>credential = managedidentity</c> plus a client id selects that user-assigned identity; anything
/// else uses <see cref="DefaultAzureCredential"/> (developer sign-in locally, the platform identity in Azure).
/// </summary>
public sealed record StorageConnection
{
    public string? ConnectionString { get; init; }

    public Uri? TableServiceUri { get; init; }

    public Uri? BlobServiceUri { get; init; }

    public Uri? QueueServiceUri { get; init; }

    /// <summary>"managedidentity" to use a managed identity; otherwise the default credential chain is used.</summary>
    public string? Credential { get; init; }

    /// <summary>The client id of a user-assigned managed identity.</summary>
    public string? ClientId { get; init; }

    /// <summary>Whether there is a blob endpoint to cache images in.</summary>
    public bool HasBlobService => HasConnectionString || BlobServiceUri is not null;

    private bool HasConnectionString => !string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>Replaces the record's generated ToString, which would print the connection string and its key.</summary>
    public override string ToString() => Describe();

    /// <summary>Where the tables are, without secrets: safe to log and to show in an error.</summary>
    public string Describe()
    {
        try
        {
            return CreateTableServiceClient().Uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        }
        catch (StorageConfigurationException)
        {
            return HasConnectionString ? "an unreadable connection string" : "unconfigured storage";
        }
    }

    /// <exception cref="StorageConfigurationException">The connection string cannot be read, or nothing is configured.</exception>
    public TableServiceClient CreateTableServiceClient(TableClientOptions? options = null)
    {
        options ??= Tuned(new TableClientOptions());
        if (HasConnectionString)
        {
            return Parse(() => new TableServiceClient(ConnectionString, options));
        }

        return TableServiceUri is not null
            ? new TableServiceClient(TableServiceUri, CreateCredential(), options)
            : throw NotConfigured("tableServiceUri");
    }

    public BlobServiceClient CreateBlobServiceClient(BlobClientOptions? options = null)
    {
        options ??= Tuned(new BlobClientOptions());
        if (HasConnectionString)
        {
            return Parse(() => new BlobServiceClient(ConnectionString, options));
        }

        return BlobServiceUri is not null
            ? new BlobServiceClient(BlobServiceUri, CreateCredential(), options)
            : throw NotConfigured("blobServiceUri");
    }

    public QueueServiceClient CreateQueueServiceClient(QueueClientOptions? options = null)
    {
        // Base64 is what the Functions queue trigger expects by default, so messages we enqueue are read as sent.
        options ??= Tuned(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        if (HasConnectionString)
        {
            return Parse(() => new QueueServiceClient(ConnectionString, options));
        }

        return QueueServiceUri is not null
            ? new QueueServiceClient(QueueServiceUri, CreateCredential(), options)
            : throw NotConfigured("queueServiceUri");
    }

    /// <summary>The identity the service URIs are used with.</summary>
    public TokenCredential CreateCredential() =>
        string.Equals(Credential, "managedidentity", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(ClientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(ClientId))
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = string.IsNullOrWhiteSpace(ClientId) ? null : ClientId });

    // Three retries a few seconds apart ride out a blip; an emulator that is not running is reported within seconds,
    // not after the SDK's default 100 s network timeout.
    private static T Tuned<T>(T options)
        where T : ClientOptions
    {
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(500);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        return options;
    }

    private static T Parse<T>(Func<T> create)
    {
        try
        {
            return create();
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            // The SDK's message names the part it could not read; it never echoes the key, and neither do we.
            throw new StorageConfigurationException(
                $"{SettingNames.Storage} is not a storage connection string the Azure SDK can read ({e.Message}). "
                + "Use UseDevelopmentStorage=true for Azurite, or an account's connection string.", e);
        }
    }

    private static StorageConfigurationException NotConfigured(string uriSetting) => new(
        $"Storage is not configured: set a connection string ({SettingNames.Storage}, e.g. UseDevelopmentStorage=true for Azurite) "
        + $"or the identity-based {SettingNames.Storage}__{uriSetting}.");
}
