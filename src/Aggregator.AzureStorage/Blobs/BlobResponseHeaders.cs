using System.Globalization;
using Azure;

namespace Aggregator.AzureStorage.Blobs;

/// <summary>Reads the standard headers the Blob service returns.</summary>
internal static class BlobResponseHeaders
{
    public static DateTimeOffset LastModified(Response response) =>
        response.Headers.TryGetValue("Last-Modified", out var text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : default;

    public static string? Get(Response response, string name) => response.Headers.TryGetValue(name, out var value) ? value : null;
}
