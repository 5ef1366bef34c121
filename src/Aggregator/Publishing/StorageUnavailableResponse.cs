using System.Globalization;
using Aggregator.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Publishing;

/// <summary>
/// The answer when storage is down and nothing is cached to serve instead: 503 with Retry-After and one line saying
/// where storage was expected, which the operator can act on. The location comes from the configured endpoint, never
/// from a connection string, so no key can reach the body.
/// </summary>
public static class StorageUnavailableResponse
{
    public const int RetryAfterSeconds = 30;

    public static string Message(string storageLocation)
    {
        ArgumentNullException.ThrowIfNull(storageLocation);
        var local = Uri.TryCreate(storageLocation, UriKind.Absolute, out var uri) && uri.IsLoopback;
        return local
            ? $"storage unavailable: nothing answers at {storageLocation} — start Azurite (npx azurite, or let `aggregator serve` start it), then retry."
            : $"storage unavailable: {storageLocation} is not answering; retry in {RetryAfterSeconds} seconds.";
    }

    /// <summary>Where the tables are, for the text: the endpoint without credentials, or a neutral phrase.</summary>
    public static string StorageLocation(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetService<StorageConnection>()?.Describe() ?? "the configured storage";
    }

    /// <summary>Writes the answer, with the storage location from the request's services.</summary>
    public static Task WriteAsync(HttpContext context) =>
        WriteAsync(context, StorageLocation(context.RequestServices));

    public static Task WriteAsync(HttpContext context, string storageLocation)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return PlainText.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, Message(storageLocation));
    }
}
