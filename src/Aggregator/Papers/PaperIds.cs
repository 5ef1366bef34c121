using System.Security.Cryptography;
using System.Text;

namespace Aggregator.Papers;

/// <summary>Stable paper ids: a hash of the key the paper was first seen with.</summary>
public static class PaperIds
{
    public static string FromKey(PaperKey key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString()));
        return "p" + Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }
}
