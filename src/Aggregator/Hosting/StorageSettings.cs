using Aggregator.AzureStorage.Connection;
using Microsoft.Extensions.Configuration;

namespace Aggregator.Hosting;

/// <summary>
/// Reads the storage connection the way the Functions host does: <c>AzureWebJobsStorage</c> as a connection string, or
/// (in Azure, identity-based) <c>AzureWebJobsStorage__tableServiceUri</c>, <c>__blobServiceUri</c>, <c>__credential</c>
/// and <c>__clientId</c>. Nothing configured means the local emulator.
/// </summary>
public static class StorageSettings
{
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    public static StorageConnectionSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SettingNames.Storage);
        var tableUri = section["tableServiceUri"];
        var blobUri = section["blobServiceUri"];
        var connectionString = section.Value;
        if (string.IsNullOrWhiteSpace(connectionString) && tableUri is null && blobUri is null)
        {
            connectionString = DevelopmentStorage;
        }

        return new StorageConnectionSettings
        {
            ConnectionString = string.IsNullOrWhiteSpace(connectionString) ? null : connectionString,
            TableServiceUri = tableUri is null ? null : new Uri(tableUri),
            BlobServiceUri = blobUri is null ? null : new Uri(blobUri),
            Credential = section["credential"],
            ClientId = section["clientId"],
        };
    }
}
