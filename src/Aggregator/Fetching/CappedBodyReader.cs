using System.Buffers;

namespace Aggregator.Fetching;

/// <summary>
/// Reads a body up to a byte cap without ever holding more than the cap: a 50 MB answer to a 10 MB cap costs 10 MB.
/// Chunks go into a pooled buffer that doubles as needed, so a small feed does not pay for the cap up front.
/// </summary>
internal static class CappedBodyReader
{
    private const int FirstBufferSize = 64 * 1024;

    /// <param name="lengthHint">Content-Length or file size: sizes the first buffer; never trusted beyond that.</param>
    public static async Task<(byte[] Body, bool Truncated)> ReadAsync(
        Stream stream, long maxBytes, long? lengthHint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);

        var cap = (int)Math.Min(maxBytes, Array.MaxLength);
        var firstSize = (int)Math.Min(cap, lengthHint is > 0 ? lengthHint.Value + 1 : FirstBufferSize);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(firstSize, 1));
        var length = 0;
        try
        {
            while (length < cap)
            {
                if (length == buffer.Length)
                {
                    buffer = Grow(buffer, length, cap);
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, cap) - length), cancellationToken);
                if (read == 0)
                {
                    return (buffer.AsSpan(0, length).ToArray(), false);
                }

                length += read;
            }

            // Exactly at the cap: only one more byte tells a body of exactly cap bytes from a longer one.
            var probe = new byte[1];
            var truncated = await stream.ReadAsync(probe, cancellationToken) > 0;
            return (buffer.AsSpan(0, length).ToArray(), truncated);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] Grow(byte[] buffer, int length, int cap)
    {
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(cap, Math.Max(2L * buffer.Length, FirstBufferSize)));
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
