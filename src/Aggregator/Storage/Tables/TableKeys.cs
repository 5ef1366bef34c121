using System.Security.Cryptography;
using System.Text;

namespace Aggregator.Storage.Tables;

/// <summary>
/// Turns domain values into legal, fixed-length partition/row keys. Table keys forbid '/', '\', '#', '?' and control
/// characters, which URLs, DOIs and old-style arXiv ids all contain, so free text is hashed, never used raw.
/// </summary>
internal static class TableKeys
{
    /// <summary>A 32-hex-digit key for any text, prefixed with what it is ("url-…", "arxiv-…").</summary>
    public static string Hashed(string kind, string value)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(value), hash);
        return kind + "-" + Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>
    /// A point-read address for a hashed key: 4,096 partitions by the hash's first three hex digits, the whole hash as
    /// the row. Point reads stay point reads, and bulk writes can be grouped into entity-group transactions.
    /// </summary>
    public static (string Partition, string Row) Spread(string hashedKey)
    {
        var dash = hashedKey.IndexOf('-', StringComparison.Ordinal);
        return (hashedKey[..(dash + 4)], hashedKey);
    }

    /// <summary>Descending order for ascending time: the table sorts row keys ascending, and we read newest first.</summary>
    public static string Inverted(DateTimeOffset time) =>
        (DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks).ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
}
