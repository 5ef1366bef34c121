using Microsoft.Extensions.Primitives;

namespace Aggregator.Publishing;

/// <summary>
/// Tells a browser from a feed reader by its Accept header. Browsers show application/rss+xml and application/atom+xml
/// as plain text (or download them) without applying the feed's stylesheet, so they get the same bytes as
/// application/xml; readers, which name feed types or accept anything, get the registered feed type.
/// </summary>
internal static class BrowserDetector
{
    public const string XmlContentType = "application/xml; charset=utf-8";

    public static bool WantsHtml(StringValues accept)
    {
        var html = false;
        foreach (var header in accept)
        {
            if (header is null)
            {
                continue;
            }

            if (header.Contains("rss+xml", StringComparison.OrdinalIgnoreCase) || header.Contains("atom+xml", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            html |= header.Contains("text/html", StringComparison.OrdinalIgnoreCase);
        }

        return html;
    }
}
