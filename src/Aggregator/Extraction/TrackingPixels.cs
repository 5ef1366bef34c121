using AngleSharp.Dom;

namespace Aggregator.Extraction;

/// <summary>Images that exist to report a reader's visit, not to be seen.</summary>
internal static class TrackingPixels
{
    private static readonly string[] TrackerDomains =
    [
        "google-analytics.com", "googletagmanager.com", "doubleclick.net", "stats.wp.com", "pixel.wp.com",
        "scorecardresearch.com", "quantserve.com", "feedburner.com", "feedproxy.google.com", "hm.baidu.com", "cnzz.com",
        "statcounter.com", "mathtag.com", "pixel.facebook.com", "analytics.twitter.com", "t.co", "mc.yandex.ru",
        "matomo.cloud", "piwik.pro", "list-manage.com", "mailchimp.com", "beacon.krxd.net",
    ];

    public static bool IsTrackingPixel(IElement image, Uri src)
    {
        var width = Dimension(image.GetAttribute("width"));
        var height = Dimension(image.GetAttribute("height"));
        if ((width is <= 1 && height is <= 1) || width == 0 || height == 0)
        {
            return true;
        }

        var host = src.Host.ToLowerInvariant();
        if (TrackerDomains.Any(d => RedirectUnwrapper.IsHostOrSubdomain(host, d)))
        {
            return true;
        }

        // Facebook's pixel and FeedBurner's per-item counter live on hosts that also serve real pages.
        return (RedirectUnwrapper.IsHostOrSubdomain(host, "facebook.com") && src.AbsolutePath.StartsWith("/tr", StringComparison.Ordinal))
            || src.AbsolutePath.StartsWith("/~r/", StringComparison.Ordinal);
    }

    private static int? Dimension(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var digits = new string([.. value.Trim().TakeWhile(char.IsAsciiDigit)]);
        return int.TryParse(digits, System.Globalization.CultureInfo.InvariantCulture, out var pixels) ? pixels : null;
    }
}
