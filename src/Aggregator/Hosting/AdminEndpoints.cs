using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Aggregator.Ingestion;
using Aggregator.Sources;
using Aggregator.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Aggregator.Hosting;

/// <summary>
/// Operator endpoints shared by both hosts: POST /api/ingest starts an ingest now (in-process, or queued in the Functions app) (needs the admin key in the CLI host;
/// the Functions host protects it with a function key instead), GET /api/health lists each source's state.
/// </summary>
public sealed class AdminEndpoints(IngestionStarter starter, ISourceCatalogProvider catalog, ISourceStateStore states, IConfiguration configuration)
{
    public const string KeyHeader = "X-Admin-Key";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <param name="callerAuthenticated">True when the host already authenticated the caller (a Functions function key).</param>
    public async Task IngestAsync(HttpContext context, bool callerAuthenticated = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.Headers.Allow = "POST";
            await WriteTextAsync(context, StatusCodes.Status405MethodNotAllowed, "Use POST to start an ingest run.").ConfigureAwait(false);
            return;
        }

        if (!callerAuthenticated && Authorize(context) is { } refusal)
        {
            await WriteTextAsync(context, refusal.Status, refusal.Message).ConfigureAwait(false);
            return;
        }

        var force = string.Equals(context.Request.Query["force"], "true", StringComparison.OrdinalIgnoreCase);
        try
        {
            var started = await starter.StartAsync(new IngestionRunOptions { IgnoreBackoff = force }, context.RequestAborted).ConfigureAwait(false);
            if (started.Report is { } report)
            {
                await WriteJsonAsync(context, StatusCodes.Status200OK, report).ConfigureAwait(false);
            }
            else
            {
                // Sent to the queue: the consumers ingest it; /api/health shows each source's outcome as it lands.
                await WriteJsonAsync(context, StatusCodes.Status202Accepted, new { runId = started.RunId, queued = started.Sources }).ConfigureAwait(false);
            }
        }
        catch (SourceCatalogException ex)
        {
            await WriteTextAsync(context, StatusCodes.Status500InternalServerError, ex.Message).ConfigureAwait(false);
        }
    }

    public async Task HealthAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        SourceCatalog sources;
        try
        {
            sources = await catalog.GetAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (SourceCatalogException ex)
        {
            await WriteTextAsync(context, StatusCodes.Status503ServiceUnavailable, ex.Message).ConfigureAwait(false);
            return;
        }

        var known = (await states.ListAsync(context.RequestAborted).ConfigureAwait(false)).ToDictionary(s => s.SourceId, StringComparer.Ordinal);
        var body = sources.Sources.Select(s => SourceHealth.Of(s, known.GetValueOrDefault(s.Id))).ToList();
        await WriteJsonAsync(context, StatusCodes.Status200OK, new { sources = body }).ConfigureAwait(false);
    }

    private (int Status, string Message)? Authorize(HttpContext context)
    {
        var expected = configuration[SettingNames.AdminKey];
        if (string.IsNullOrEmpty(expected))
        {
            return (StatusCodes.Status403Forbidden, $"Admin operations are disabled: set {SettingNames.AdminKey} to enable them.");
        }

        var given = context.Request.Headers[KeyHeader].ToString();
        var match = given.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
        return match ? null : (StatusCodes.Status401Unauthorized, $"Send the admin key in the {KeyHeader} header.");
    }

    private static async Task WriteJsonAsync<T>(HttpContext context, int status, T body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await JsonSerializer.SerializeAsync(context.Response.Body, body, Json, context.RequestAborted).ConfigureAwait(false);
    }

    private static Task WriteTextAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(message + "\n", context.RequestAborted);
    }
}
