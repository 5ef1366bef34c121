using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Aggregator.Publishing;

/// <summary>
/// For the CLI's server: any route that fails because storage is not answering (health, ingest, whatever a handler did
/// not answer itself) gets 503 with Retry-After and the one line that says where storage was expected, not a 500.
/// The feed routes answer outages themselves (from cache when they can); this catches the rest.
/// </summary>
public sealed partial class StorageOutageMiddleware(RequestDelegate next, ILogger<StorageOutageMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context);
        }
        catch (Exception e) when (StorageOutage.IsOutage(e) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            LogUnavailable(logger, e, context.Request.Path.Value);
            context.Response.Clear();
            await StorageUnavailableResponse.WriteAsync(context);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage unavailable while serving {Path}; answered 503")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string? path);
}
