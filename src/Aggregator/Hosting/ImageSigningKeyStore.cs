using System.Security.Cryptography;
using Aggregator.Publishing.Images;
using Aggregator.Storage.Tables;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aggregator.Hosting;

/// <summary>
/// The image proxy's signing key when none is configured: 32 random bytes generated once and kept with the data (the
/// meta table), so proxied URLs in feeds stay valid across restarts and every instance (CLI, Functions, scale-out)
/// signs alike. A configured IMAGE_PROXY_SIGNING_KEY still wins. The key is never logged.
/// </summary>
internal sealed partial class ImageSigningKeyStore(AggregatorTables tables, ILogger<ImageSigningKeyStore> logger)
    : IPostConfigureOptions<ImageProxyOptions>
{
    internal const string Partition = "settings";
    internal const string Row = "image-proxy-signing-key";
    private const string Column = "Key";

    public void PostConfigure(string? name, ImageProxyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled || !string.IsNullOrEmpty(options.SigningKey))
        {
            return;
        }

        // Options are built synchronously, once per process (a failure is not cached: the next use tries again), and
        // the signer is called from synchronous rendering, so this one storage round trip blocks.
        options.SigningKey = GetOrCreateAsync().GetAwaiter().GetResult();
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

    [LoggerMessage(Level = LogLevel.Information, Message = "No image proxy signing key configured: generated one and stored it in table {Table}")]
    private static partial void LogGenerated(ILogger logger, string table);
}
