using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Aggregator.Publishing.Images;

/// <summary>
/// Signs image URLs with HMAC-SHA256 so the proxy fetches only what our own feeds link to, never an arbitrary URL
/// someone typed (which would make it an open relay).
/// </summary>
internal sealed class ImageUrlSigner(IOptions<ImageProxyOptions> options)
{
    private const int SignatureBytes = 16;

    public string Sign(string url)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Key(), Encoding.UTF8.GetBytes(url), mac);
        return Base64Url(mac[..SignatureBytes]);
    }

    public bool Verify(string url, string signature)
    {
        if (string.IsNullOrEmpty(options.Value.SigningKey))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(url));
        var actual = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>The proxy URL for an image: absolute, because feed readers resolve relative URLs inconsistently.</summary>
    public string ProxyUrl(string baseUrl, string imageUrl) =>
        $"{baseUrl}{FeedRoutes.Image}?url={Uri.EscapeDataString(imageUrl)}&sig={Sign(imageUrl)}";

    /// <summary>Cache key of an image: a hash of its URL, safe as a blob name.</summary>
    public static string CacheKey(string url) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)));

    private byte[] Key() =>
        Encoding.UTF8.GetBytes(options.Value.SigningKey
            ?? throw new InvalidOperationException("The image proxy has no signing key; set IMAGE_PROXY_SIGNING_KEY."));

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
