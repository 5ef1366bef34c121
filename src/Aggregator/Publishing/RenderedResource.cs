using System.IO.Compression;
using System.Security.Cryptography;

namespace Aggregator.Publishing;

/// <summary>
/// Rendered bytes with their validators, and their compressed forms made on first request and kept: a cached feed is
/// compressed once per data version, not once per poll.
/// </summary>
internal sealed class RenderedResource
{
    private readonly Lazy<byte[]> gzip;
    private readonly Lazy<byte[]> brotli;

    public RenderedResource(byte[] body, string contentType, DateTimeOffset? lastModified, string? contentSecurityPolicy = null)
    {
        Body = body;
        ContentType = contentType;
        ContentSecurityPolicy = contentSecurityPolicy;
        // HTTP dates have whole seconds; truncating keeps If-Modified-Since comparisons exact.
        LastModified = lastModified is { } value ? new DateTimeOffset(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero) : null;
        LastModifiedHeader = LastModified?.UtcDateTime.ToString("r", System.Globalization.CultureInfo.InvariantCulture);
        var tag = Convert.ToBase64String(SHA256.HashData(body), 0, 18).Replace('+', '-').Replace('/', '_');
        ETag = $"\"{tag}\"";
        GzipETag = $"\"{tag}-gz\"";
        BrotliETag = $"\"{tag}-br\"";
        TagValue = tag;
        gzip = new Lazy<byte[]>(() => Compress(body, s => new GZipStream(s, CompressionLevel.Optimal, leaveOpen: true)));
        brotli = new Lazy<byte[]>(() => Compress(body, s => new BrotliStream(s, CompressionLevel.Optimal, leaveOpen: true)));
    }

    public byte[] Body { get; }

    public string ContentType { get; }

    /// <summary>For HTML: the policy that lets only the page's own style and script run.</summary>
    public string? ContentSecurityPolicy { get; }

    public DateTimeOffset? LastModified { get; }

    /// <summary><see cref="LastModified"/> formatted once for the header, not once per request.</summary>
    public string? LastModifiedHeader { get; }

    /// <summary>Strong validator of the identity bytes; each compressed form has its own (its bytes differ).</summary>
    public string ETag { get; }

    public string GzipETag { get; }

    public string BrotliETag { get; }

    /// <summary>The hash shared by all three tags: a client holding any of them holds this content.</summary>
    public string TagValue { get; }

    /// <summary>Memory the resource may come to hold: the body and, at worst, two compressed copies of similar size.</summary>
    public long EstimatedSize => (Body.Length * 2L) + 512;

    public (byte[] Bytes, string ETag) Variant(ContentCoding coding) =>
        coding switch
        {
            ContentCoding.Gzip => (gzip.Value, GzipETag),
            ContentCoding.Brotli => (brotli.Value, BrotliETag),
            _ => (Body, ETag),
        };

    private static byte[] Compress(byte[] body, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream(body.Length / 3 + 64);
        using (var stream = compressor(output))
        {
            stream.Write(body);
        }

        return output.ToArray();
    }
}
