namespace Aggregator.AzureStorage.Connection;

/// <summary>
/// A parsed Azure Storage connection string: the account, its key and the table and blob endpoints. Understands
/// <c>UseDevelopmentStorage=true</c> (optionally with <c>DevelopmentStorageProxyUri</c>), account + suffix forms and
/// explicit <c>TableEndpoint</c>/<c>BlobEndpoint</c> (Azurite on custom ports). The key never appears in
/// <see cref="ToString"/> or in any exception message.
/// </summary>
public sealed class StorageConnectionString
{
    /// <summary>The account Azurite and the legacy storage emulator serve.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    // Azurite's published, well-known development key: not a secret.
    internal const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private StorageConnectionString(string accountName, string accountKey, Uri tableEndpoint, Uri blobEndpoint)
    {
        AccountName = accountName;
        AccountKey = accountKey;
        TableEndpoint = tableEndpoint;
        BlobEndpoint = blobEndpoint;
    }

    public string AccountName { get; }

    public Uri TableEndpoint { get; }

    public Uri BlobEndpoint { get; }

    internal string AccountKey { get; }

    /// <summary>Parses <paramref name="connectionString"/>; a <see cref="FormatException"/> says what is wrong without echoing the key.</summary>
    public static StorageConnectionString Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var settings = ConnectionStringSettings.Split(connectionString);

        if (settings.TryGetValue("UseDevelopmentStorage", out var development))
        {
            if (!bool.TryParse(development, out var useDevelopment) || !useDevelopment)
            {
                throw Invalid("UseDevelopmentStorage must be 'true' when present.");
            }

            return ForDevelopmentStorage(settings.GetValueOrDefault("DevelopmentStorageProxyUri"));
        }

        var accountKey = settings.GetValueOrDefault("AccountKey");
        if (string.IsNullOrWhiteSpace(accountKey))
        {
            throw Invalid("AccountKey is missing (shared access signatures are not supported; use a key or an identity).");
        }

        if (!IsBase64(accountKey))
        {
            throw Invalid("AccountKey is not valid base64.");
        }

        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol") ?? "https";
        if (protocol is not ("http" or "https"))
        {
            throw Invalid($"DefaultEndpointsProtocol must be 'http' or 'https', not '{protocol}'.");
        }

        var accountName = settings.GetValueOrDefault("AccountName");
        var suffix = settings.GetValueOrDefault("EndpointSuffix") ?? "core.windows.net";
        var tableEndpoint = EndpointOrDefault(settings, "TableEndpoint", protocol, accountName, "table", suffix);
        var blobEndpoint = EndpointOrDefault(settings, "BlobEndpoint", protocol, accountName, "blob", suffix);
        accountName ??= StorageEndpoint.AccountNameFrom(tableEndpoint);
        if (string.IsNullOrWhiteSpace(accountName))
        {
            throw Invalid("AccountName is missing and cannot be inferred from TableEndpoint.");
        }

        return new StorageConnectionString(accountName, accountKey, tableEndpoint, blobEndpoint);
    }

    /// <summary>Like <see cref="Parse"/> but returns false instead of throwing.</summary>
    public static bool TryParse(string? connectionString, out StorageConnectionString? result)
    {
        result = null;
        if (connectionString is null)
        {
            return false;
        }

        try
        {
            result = Parse(connectionString);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The account, the endpoints and a redacted key: safe to log.</summary>
    public override string ToString() =>
        $"AccountName={AccountName};AccountKey=[redacted];TableEndpoint={TableEndpoint};BlobEndpoint={BlobEndpoint}";

    private static StorageConnectionString ForDevelopmentStorage(string? proxyUri)
    {
        var baseUri = new Uri("http://127.0.0.1");
        if (proxyUri is not null && !Uri.TryCreate(proxyUri, UriKind.Absolute, out baseUri))
        {
            throw Invalid("DevelopmentStorageProxyUri is not an absolute URI.");
        }

        Uri At(int port) => new UriBuilder(baseUri!) { Port = port, Path = DevelopmentAccountName }.Uri;
        return new StorageConnectionString(DevelopmentAccountName, DevelopmentAccountKey, At(10002), At(10000));
    }

    private static Uri EndpointOrDefault(
        IReadOnlyDictionary<string, string> settings, string name, string protocol, string? accountName, string service, string suffix)
    {
        if (settings.TryGetValue(name, out var explicitEndpoint))
        {
            if (!Uri.TryCreate(explicitEndpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
            {
                throw Invalid($"{name} is not an absolute http(s) URI.");
            }

            return endpoint;
        }

        if (string.IsNullOrWhiteSpace(accountName))
        {
            throw Invalid($"neither AccountName nor {name} is given.");
        }

        return new Uri($"{protocol}://{accountName}.{service}.{suffix}");
    }

    private static bool IsBase64(string value)
    {
        Span<byte> buffer = stackalloc byte[256];
        return value.Length <= 340 && Convert.TryFromBase64String(value, buffer, out _);
    }

    private static FormatException Invalid(string reason) => new($"The storage connection string is not valid: {reason}");
}
