using System.Security.Cryptography;
using Aggregator.Publishing.Images;
using Aggregator.Storage;
using Aggregator.Storage.Tables;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aggregator.Hosting;

/// <summary>
/// The image proxy's signing key when none is configured: 32 random bytes generated once and kept with the data (the
/// meta table), so proxied URLs in feeds stay valid across restarts and every instance (CLI, Functions, scale-out)
/// signs alike. A configured IMAGE_PROXY_SIGNING_KEY still wins. The key is never logged. When storage is down as the
/// options are built, the proxy starts off and the key is asked for again once storage answers
/// (<see cref="IImageKeyRecovery"/>).
/// </summary>
internal sealed partial class ImageSigningKeyStore(AggregatorTables tables, IDataVersion dataVersion, TimeProvider clock, ILogger<ImageSigningKeyStore> logger)
    : IPostConfigureOptions<ImageProxyOptions>, IImageKeyRecovery
{
    internal const string Partition = "settings";
    internal const string Row = "image-proxy-signing-key";
    private const string Column = "Key";

    /// <summary>Least time between two tries while storage stays down: renders ask, and must not each wait on it.</summary>
    internal static readonly TimeSpan RetryInterval = TimeSpan.FromMinutes(1);

    private readonly Lock gate = new();
    private ImageProxyOptions? waiting;
    private bool rerenderDue;
    private DateTimeOffset nextTry;
    private bool trying;

    public void PostConfigure(string? name, ImageProxyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled || !string.IsNullOrEmpty(options.SigningKey))
        {
            return;
        }

        // Options are built synchronously, once per process, and the signer is called from synchronous rendering, so
        // this one storage round trip blocks.
        try
        {
            options.SigningKey = GetOrCreateAsync().GetAwaiter().GetResult();
        }
        catch (Exception ex) when (StorageFailure.Classify(ex) is not null)
        {
            // Storage down at start: the feeds must still answer (stale, or 503), so images go direct until storage
            // answers again, rather than every route failing on the proxy's options.
            LogUnavailable(logger, ex.Message);
            lock (gate)
            {
                waiting = options;
                nextTry = clock.GetUtcNow() + RetryInterval;
            }
        }
    }

    public async Task TryRecoverAsync()
    {
        ImageProxyOptions? options;
        lock (gate)
        {
            options = waiting;
            if ((options is null && !rerenderDue) || trying || clock.GetUtcNow() < nextTry)
            {
                return;
            }

            trying = true;
            nextTry = clock.GetUtcNow() + RetryInterval;
        }

        try
        {
            if (options is not null)
            {
                options.SigningKey = await GetOrCreateAsync(CancellationToken.None).ConfigureAwait(false);
                lock (gate)
                {
                    waiting = null;
                    rerenderDue = true;
                }

                LogRecovered(logger);
            }

            // Feeds rendered meanwhile link images directly; a new data version renders them through the proxy again.
            await dataVersion.BumpAsync(CancellationToken.None).ConfigureAwait(false);
            lock (gate)
            {
                rerenderDue = false;
            }
        }
        catch (Exception ex)
        {
            LogStillUnavailable(logger, ex.Message);
        }
        finally
        {
            lock (gate)
            {
                trying = false;
            }
        }
    }

    /// <summary>
    /// The stored key, generating it first when there is none. Two instances racing both insert-if-absent, and both
    /// return what was stored: the key of whichever insert won.
    /// </summary>
    public async Task<string> GetOrCreateAsync(CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.Meta).ConfigureAwait(false);
        if (await ReadAsync(table, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing;
        }

        var generated = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        if (await table.AddIfAbsentAsync(new TableEntity(Partition, Row) { [Column] = generated }, cancellationToken).ConfigureAwait(false))
        {
            LogGenerated(logger, table.Name);
        }

        return await ReadAsync(table, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The image proxy signing key row ({Partition}/{Row} in {table.Name}) has no {Column} value.");
    }

    private static async Task<string?> ReadAsync(TableClient table, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, [Column], cancellationToken).ConfigureAwait(false);
        return row.HasValue && row.Value!.GetString(Column) is { Length: > 0 } key ? key : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Image proxy off for now: its signing key could not be read from storage ({Reason}); images link to their hosts until storage answers")]
    private static partial void LogUnavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Image proxy on again: its signing key was read from storage")]
    private static partial void LogRecovered(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Image proxy still off: {Reason}")]
    private static partial void LogStillUnavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "No image proxy signing key configured: generated one and stored it in table {Table}")]
    private static partial void LogGenerated(ILogger logger, string table);
}
