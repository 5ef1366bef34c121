using System.Text.RegularExpressions;

namespace Aggregator.Parsing.Text;

/// <summary>Makes links absolute against xml:base or the document URL, leaving absolute and unresolvable ones alone.</summary>
internal static partial class UrlResolver
{
    public static string? Resolve(string? url, Uri? baseUri)
    {
        var trimmed = url?.Trim();
        if (string.IsNullOrEmpty(trimmed) || baseUri is null || HasScheme(trimmed))
        {
            return string.IsNullOrEmpty(trimmed) ? null : trimmed;
        }

        return Uri.TryCreate(baseUri, trimmed, out var absolute) ? absolute.AbsoluteUri : trimmed;
    }

    /// <summary>Combines an xml:base attribute with the base in scope (a relative xml:base resolves against it).</summary>
    public static Uri? CombineBase(Uri? current, string? xmlBase)
    {
        if (string.IsNullOrWhiteSpace(xmlBase))
        {
            return current;
        }

        var trimmed = xmlBase.Trim();
        if (HasScheme(trimmed))
        {
            return Uri.TryCreate(trimmed, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? absolute : current;
        }

        return current is not null && Uri.TryCreate(current, trimmed, out var combined) ? combined : current;
    }

    /// <summary>Rewrites relative href/src attributes in HTML content, as feedparser does, so links survive extraction.</summary>
    public static string? ResolveInHtml(string? html, Uri? baseUri)
    {
        if (html is null || baseUri is null || !HasRelativeLink(html))
        {
            // The common case (absolute links only) must cost no copy of a content that may be tens of kilobytes.
            return html;
        }

        return LinkAttribute().Replace(html, m =>
        {
            var value = m.Groups["v"].Value;
            var resolved = Resolve(System.Net.WebUtility.HtmlDecode(value), baseUri);
            return resolved is null || resolved == value ? m.Value : m.Groups["p"].Value + resolved.Replace("\"", "%22", StringComparison.Ordinal) + m.Groups["q"].Value;
        });
    }

    /// <summary>A plain scan (no regex over the whole content) for an href/src attribute whose value has no scheme.</summary>
    private static bool HasRelativeLink(string html) => HasRelativeValue(html, "href") || HasRelativeValue(html, "src");

    private static bool HasRelativeValue(string html, string attribute)
    {
        var span = html.AsSpan();
        for (var at = span.IndexOf(attribute, StringComparison.OrdinalIgnoreCase); at >= 0;)
        {
            var rest = span[(at + attribute.Length)..].TrimStart();
            if (rest.Length > 1 && rest[0] == '=')
            {
                rest = rest[1..].TrimStart();
                if (rest.Length > 0 && rest[0] is '"' or '\'')
                {
                    var value = rest[1..];
                    var close = value.IndexOfAny('"', '\'');
                    value = (close < 0 ? value : value[..close]).Trim();
                    if (value.Length > 0 && !SchemePrefix().IsMatch(value))
                    {
                        return true;
                    }
                }
            }

            var next = span[(at + attribute.Length)..].IndexOf(attribute, StringComparison.OrdinalIgnoreCase);
            at = next < 0 ? -1 : at + attribute.Length + next;
        }

        return false;
    }

    private static bool HasScheme(string url) => SchemePrefix().IsMatch(url);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:", RegexOptions.CultureInvariant)]
    private static partial Regex SchemePrefix();

    [GeneratedRegex("""(?<p>\s(?:href|src)\s*=\s*(?<q>["']))(?<v>[^"'<>]*)\k<q>""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkAttribute();
}
