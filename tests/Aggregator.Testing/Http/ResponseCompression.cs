using System.IO.Compression;
using Microsoft.AspNetCore.Http;

namespace Aggregator.Testing.Http;

/// <summary>Content-Encoding on the way out, for testing that clients decode it.</summary>
internal static class ResponseCompression
{
    public static void ThrowIfUnsupported(string contentEncoding)
    {
        if (contentEncoding is not ("gzip" or "br" or "deflate"))
        {
            throw new ArgumentException($"Content-Encoding '{contentEncoding}' is not supported; use gzip, br or deflate.", nameof(contentEncoding));
        }
    }

    public static byte[] Compress(byte[] body, string contentEncoding)
    {
        using var output = new MemoryStream();
        using (var compressor = CreateCompressor(output, contentEncoding))
        {
            compressor.Write(body);
        }

        return output.ToArray();
    }

    /// <summary>Runs <paramref name="writeBody"/> with the response body swapped for a compressing stream.</summary>
    public static async Task WriteCompressedAsync(HttpContext context, string contentEncoding, Func<Task> writeBody)
    {
        var response = context.Response;
        response.Headers.ContentEncoding = contentEncoding;

        // The body writer may set the uncompressed length; the compressed one is unknown, so the body goes chunked.
        response.OnStarting(() =>
        {
            response.ContentLength = null;
            return Task.CompletedTask;
        });

        var original = response.Body;
        await using var compressor = CreateCompressor(original, contentEncoding);
        response.Body = compressor;
        try
        {
            await writeBody();
        }
        finally
        {
            response.Body = original;
        }
    }

    private static Stream CreateCompressor(Stream output, string contentEncoding) => contentEncoding switch
    {
        "gzip" => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true),
        "br" => new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true),

        // HTTP's "deflate" is the zlib format (RFC 9110 §8.4.1.2), not raw deflate.
        "deflate" => new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true),
        _ => throw new ArgumentOutOfRangeException(nameof(contentEncoding), contentEncoding, "Unsupported Content-Encoding."),
    };
}
