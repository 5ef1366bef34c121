namespace Aggregator.AzureStorage.Connection;

/// <summary>Reads the account name from a service endpoint, path-style (Azurite, IP hosts) or host-style (Azure).</summary>
internal static class StorageEndpoint
{
    public static string AccountNameFrom(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (IsPathStyle(endpoint))
        {
            var first = endpoint.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            return first ?? string.Empty;
        }

        var dot = endpoint.Host.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? endpoint.Host[..dot] : endpoint.Host;
    }

    /// <summary>Azurite and IP-addressed endpoints carry the account as the first path segment.</summary>
    public static bool IsPathStyle(Uri endpoint) =>
        endpoint.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || endpoint.IsLoopback
        || endpoint.Port is 10000 or 10001 or 10002;

    /// <summary>The endpoint with a trailing slash removed, so relative paths can be appended with one '/'.</summary>
    public static string Trimmed(Uri endpoint) => endpoint.AbsoluteUri.TrimEnd('/');
}
