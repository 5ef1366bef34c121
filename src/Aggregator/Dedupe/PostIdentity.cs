using System.Security.Cryptography;
using System.Text;

namespace Aggregator.Dedupe;

/// <summary>
/// Decides, in one place, what makes two copies of an item "the same post" before any text comparison (Miniflux's
/// entry hash: GUID, else URL, else title and content).
/// </summary>
public static class PostIdentity
{
    /// <summary>Guids at least this long that are not URLs are taken as globally unique (UUIDs, tag: URIs, hashes).</summary>
    private const int MinOpaqueGuidLength = 16;

    /// <summary>
    /// A stable id for a new post: 32 lower-case hex characters (128 bits of SHA-256), safe as a Table Storage key and in
    /// a URL. From, in order:
    /// <list type="number">
    /// <item>the guid, when it is unambiguous across feeds: an absolute URL, a <c>urn:</c>/<c>tag:</c> URI or an opaque
    /// string of 16+ characters. Guids are only promised unique within one feed, and the id is global, so a short bare
    /// guid like "1234" or "post-17" would collide between feeds;</item>
    /// <item>else the canonical URL (unique by nature, and stable across re-fetches once canonicalised);</item>
    /// <item>else the title and text (a feed without guid or link: re-fetching the same item gives the same id, an
    /// edited item gets a new one, which is the best available).</item>
    /// </list>
    /// An ambiguous guid with no canonical URL falls through to title and text rather than risk a cross-feed collision.
    /// Each input is prefixed with its kind so a guid and a URL with the same spelling cannot collide.
    /// </summary>
    public static string ComputeId(string? guid, string? canonicalUrl, string title, string text)
    {
        var trimmedGuid = guid?.Trim();
        if (!string.IsNullOrEmpty(trimmedGuid) && IsGloballyUniqueGuid(trimmedGuid))
        {
            return Sha256Hex("guid\n" + trimmedGuid);
        }

        var trimmedUrl = canonicalUrl?.Trim();
        if (!string.IsNullOrEmpty(trimmedUrl))
        {
            return Sha256Hex("url\n" + trimmedUrl);
        }

        return Sha256Hex("content\n" + (title ?? "").Trim() + "\n" + (text ?? "").Trim());
    }

    /// <summary>
    /// Keys under which storage records this copy, to find an existing post before comparing texts:
    /// <c>url:&lt;sha&gt;</c> for the canonical URL (the same URL is the same post whichever feed carried it), and
    /// <c>guid:&lt;sourceId&gt;:&lt;sha&gt;</c> for the guid, scoped to its source because guids are only unique per
    /// feed. Hashed so keys are short and contain none of the characters Table Storage forbids in keys.
    /// </summary>
    public static IReadOnlyList<string> IdentityKeys(string sourceId, string? guid, string? canonicalUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceId);
        if (sourceId.AsSpan().IndexOfAny("/\\#?:") >= 0 || sourceId.Any(char.IsControl))
        {
            throw new ArgumentException(
                $"Source id '{sourceId}' contains a character not allowed in a storage key (/ \\ # ? : or a control character).",
                nameof(sourceId));
        }

        var keys = new List<string>(2);
        var trimmedUrl = canonicalUrl?.Trim();
        if (!string.IsNullOrEmpty(trimmedUrl))
        {
            keys.Add("url:" + Sha256Hex(trimmedUrl));
        }

        var trimmedGuid = guid?.Trim();
        if (!string.IsNullOrEmpty(trimmedGuid))
        {
            keys.Add($"guid:{sourceId}:{Sha256Hex(trimmedGuid)}");
        }

        return keys;
    }

    /// <summary>
    /// <c>text:&lt;sourceId&gt;:&lt;sha&gt;</c> of the normalised title and text: the identity of a post too short for a
    /// fingerprint (a bare "转发微博" would match everything by SimHash). Scoped to its source, because two accounts can
    /// say the same three words about different things, while one feed that renews guid and link on every fetch of the
    /// same words must not add a copy each run.
    /// </summary>
    public static string TextKey(string sourceId, string title, string text) =>
        $"text:{sourceId}:{Sha256Hex(TextNormalizer.Normalize(title) + "\n" + TextNormalizer.Normalize(text))}";

    private static bool IsGloballyUniqueGuid(string guid)
    {
        if (Uri.TryCreate(guid, UriKind.Absolute, out var uri) && (uri.Scheme is "http" or "https" or "urn" or "tag"))
        {
            return true;
        }

        return guid.StartsWith("tag:", StringComparison.OrdinalIgnoreCase)
            || guid.StartsWith("urn:", StringComparison.OrdinalIgnoreCase)
            || guid.Length >= MinOpaqueGuidLength;
    }

    private static string Sha256Hex(string value)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(value), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }
}
