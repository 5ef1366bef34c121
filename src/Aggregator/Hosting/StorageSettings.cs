using Microsoft.Extensions.Configuration;

namespace Aggregator.Hosting;

/// <summary>
/// Reads the storage connection the way the Functions host does: <c>AzureWebJobsStorage</c> as a connection string, or
/// (in Azure, identity-based) <c>AzureWebJobsStorage__tableServiceUri</c>, <c>__blobServiceUri</c>, <c>__queueServiceUri</c>, <c>__credential</c>
/// and <c>__clientId</c>. Nothing configured means the local emulator.
/// </summary>
public static class StorageSettings
{
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    public static StorageConnection FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SettingNames.Storage);
        var tableUri = section["tableServiceUri"];
        var blobUri = section["blobServiceUri"];
        var queueUri = section["queueServiceUri"];
        var connectionString = section.Value;
        if (string.IsNullOrWhiteSpace(connectionString) && tableUri is null && blobUri is null && queueUri is null)
        {
            connectionString = DevelopmentStorage;
        }

        return new StorageConnection
        {
            ConnectionString = string.IsNullOrWhiteSpace(connectionString) ? null : connectionString,
            TableServiceUri = ServiceUri(tableUri, "tableServiceUri"),
            BlobServiceUri = ServiceUri(blobUri, "blobServiceUri"),
            QueueServiceUri = ServiceUri(queueUri, "queueServiceUri"),
            Credential = section["credential"],
            ClientId = section["clientId"],
        };
    }

    private static Uri? ServiceUri(string? value, string name) =>
        value is null ? null
        : Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri
        : throw new StorageConfigurationException($"{SettingNames.Storage}__{name} is '{value}': expected an absolute https URL such as https://ACCOUNT.table.core.windows.net.");
}
