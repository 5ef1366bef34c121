namespace Aggregator.AzureStorage.Connection;

/// <summary>Header names and values shared by the table and blob clients.</summary>
internal static class StorageHeaders
{
    public const string Date = "x-ms-date";
    public const string Version = "x-ms-version";
    public const string ErrorCode = "x-ms-error-code";

    /// <summary>Table service version: the one Azure.Data.Tables speaks; Azurite accepts it.</summary>
    public const string TableServiceVersion = "2019-02-02";

    /// <summary>Blob service version: recent enough for everything we call, accepted by Azurite 3.x.</summary>
    public const string BlobServiceVersion = "2021-12-02";

    /// <summary>The Entra ID scope for data-plane access to any storage service.</summary>
    public const string TokenScope = "https://storage.azure.com/.default";
}
