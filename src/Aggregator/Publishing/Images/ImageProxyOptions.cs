namespace Aggregator.Publishing.Images;

/// <summary>The image proxy's settings; the key and switch come from IMAGE_PROXY_SIGNING_KEY and IMAGE_PROXY_ENABLED.</summary>
public sealed class ImageProxyOptions
{
    public const string SectionName = "ImageProxy";

    /// <summary>
    /// HMAC-SHA256 key for proxy URLs. The app generates one and keeps it in storage when none is configured (see
    /// Hosting's ImageSigningKeyStore); a composition without storage and without a key leaves the proxy off.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Rewrite hot-link-protected images in feed HTML to the proxy (needs <see cref="SigningKey"/>).</summary>
    public bool Enabled { get; set; } = true;

    public long MaxBytes { get; set; } = 5L * 1024 * 1024;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Lets the proxy connect to 127.0.0.1 and ::1, which it otherwise refuses. Only tests serve images from there; the
    /// rest of 127.0.0.0/8, private and link-local addresses stay refused either way.
    /// </summary>
    public bool AllowLoopbackForTests { get; set; }

    /// <summary>
    /// Hosts that refuse hot-linking, by host suffix ("sinaimg.cn" covers wx1.sinaimg.cn), with the Referer they accept.
    /// Only images on these hosts are rewritten to the proxy.
    /// </summary>
    public Dictionary<string, string> Referers { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sinaimg.cn"] = "https://weibo.com/",
        ["mmbiz.qpic.cn"] = "https://mp.weixin.qq.com/",
        ["mmbiz.qlogo.cn"] = "https://mp.weixin.qq.com/",
    };

    public bool IsActive => Enabled && !string.IsNullOrEmpty(SigningKey);

    /// <summary>The Referer a host accepts, or null when the host is not hot-link-protected.</summary>
    public string? RefererFor(string host)
    {
        foreach (var (suffix, referer) in Referers)
        {
            if (host.Equals(suffix, StringComparison.OrdinalIgnoreCase)
                || (host.Length > suffix.Length
                    && host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                    && host[host.Length - suffix.Length - 1] == '.'))
            {
                return referer;
            }
        }

        return null;
    }
}
