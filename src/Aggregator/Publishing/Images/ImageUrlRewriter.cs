using AngleSharp.Html.Parser;
using Microsoft.Extensions.Options;

namespace Aggregator.Publishing.Images;

/// <summary>
/// Points images on hot-link-protected hosts (Weibo, WeChat) at the signed proxy, at render time, so stored content keeps
/// the original URLs and turning the proxy off needs no data migration.
/// </summary>
internal sealed class ImageUrlRewriter(IOptions<ImageProxyOptions> options, ImageUrlSigner signer, IImageKeyRecovery keyRecovery)
{
    private static readonly HtmlParser Parser = new();

    public string Rewrite(string html, string baseUrl)
    {
        var settings = options.Value;
        if (!settings.IsActive && settings.Enabled)
        {
            // Rendering is synchronous and must not wait on storage: the key is fetched aside, and once it is there
            // the data version moves and feeds render again through the proxy.
            _ = keyRecovery.TryRecoverAsync();
        }

        if (!settings.IsActive || string.IsNullOrEmpty(html) || !MentionsProtectedHost(html, settings))
        {
            return html;
        }

        using var document = Parser.ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        var changed = false;
        foreach (var image in document.Images)
        {
            // WeChat pages keep the real URL in data-src and a placeholder in src.
            var source = image.GetAttribute("data-src") is { Length: > 0 } lazy && NeedsProxy(lazy, settings) ? lazy : image.GetAttribute("src");
            if (source is null || !NeedsProxy(source, settings))
            {
                continue;
            }

            image.SetAttribute("src", signer.ProxyUrl(baseUrl, Normalise(source)));
            image.RemoveAttribute("data-src");
            // A srcset would send the browser straight back to the protected host.
            image.RemoveAttribute("srcset");
            image.SetAttribute("referrerpolicy", "no-referrer");
            changed = true;
        }

        return changed ? document.Body!.InnerHtml : html;
    }

    private static bool MentionsProtectedHost(string html, ImageProxyOptions settings)
    {
        foreach (var suffix in settings.Referers.Keys)
        {
            if (html.Contains(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NeedsProxy(string url, ImageProxyOptions settings) =>
        Uri.TryCreate(Normalise(url), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && settings.RefererFor(uri.IdnHost) is not null;

    /// <summary>Protocol-relative URLs ("//wx1.sinaimg.cn/...") are common on Weibo; the proxy needs a scheme.</summary>
    private static string Normalise(string url) => url.StartsWith("//", StringComparison.Ordinal) ? "https:" + url : url;
}
