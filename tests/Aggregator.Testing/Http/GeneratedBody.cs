using Microsoft.AspNetCore.Http;

namespace Aggregator.Testing.Http;

/// <summary>Bodies made up on the fly from one shared buffer, for size and speed limits.</summary>
internal static class GeneratedBody
{
    // Printable text, so a test that peeks at a cut-off body sees something readable.
    private static readonly byte[] Pattern = CreatePattern(64 * 1024);

    public static async Task WriteAsync(HttpContext context, long totalBytes, bool sendContentLength, CancellationToken cancellationToken)
    {
        if (sendContentLength)
        {
            context.Response.ContentLength = totalBytes;
        }

        for (var remaining = totalBytes; remaining > 0;)
        {
            var chunk = (int)Math.Min(remaining, Pattern.Length);
            await context.Response.Body.WriteAsync(Pattern.AsMemory(0, chunk), cancellationToken);
            remaining -= chunk;
        }
    }

    public static async Task WriteSlowlyAsync(HttpContext context, int bytesPerSecond, long totalBytes, CancellationToken cancellationToken)
    {
        context.Response.ContentLength = totalBytes;

        // Headers go out at once: the point is a body that keeps trickling, not a server that never answers.
        await context.Response.StartAsync(cancellationToken);

        var chunkSize = Math.Max(1, bytesPerSecond / 10);
        var interval = TimeSpan.FromSeconds((double)chunkSize / bytesPerSecond);
        for (var remaining = totalBytes; remaining > 0;)
        {
            var chunk = (int)Math.Min(remaining, chunkSize);
            await context.Response.Body.WriteAsync(Pattern.AsMemory(0, chunk), cancellationToken);
            await context.Response.Body.FlushAsync(cancellationToken);
            remaining -= chunk;
            if (remaining > 0)
            {
                await Task.Delay(interval, cancellationToken);
            }
        }
    }

    private static byte[] CreatePattern(int length)
    {
        var pattern = new byte[length];
        for (var i = 0; i < length; i++)
        {
            pattern[i] = i % 64 == 63 ? (byte)'\n' : (byte)('a' + (i % 26));
        }

        return pattern;
    }
}
