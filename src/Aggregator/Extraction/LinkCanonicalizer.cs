using System.Text;
using System.Text.RegularExpressions;

namespace Aggregator.Extraction;

/// <summary>
/// Decides what a link points at and its one canonical spelling. Folded forms: arXiv pages become
/// <c>https://arxiv.org/abs/ID</c> (pdf and mirror hosts included); Weibo posts become <c>https://m.weibo.cn/detail/ID</c>,
/// the one public form that works for both the numeric mid and the base62 bid without the author's uid (the id itself is
/// kept as given: converting mid and bid would need the site's alphabet, and both are stable); WeChat articles keep
/// only <c>__biz, mid, idx, sn</c>.
/// </summary>
public sealed partial class LinkCanonicalizer : ILinkCanonicalizer
{
    /// <summary>A link wrapped more often than this is left as far as it got (loops, hostile chains).</summary>
    internal const int MaxUnwrapDepth = 5;

    private static readonly string[] HttpsOnlyDomains =
        ["arxiv.org", "weibo.com", "weibo.cn", "mp.weixin.qq.com", "github.com", "openreview.net", "zhihu.com", "csdn.net"];

    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "spm", "spm_id_from", "from", "fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "ref", "ref_src",
        "ref_url", "igshid", "_hsenc", "_hsmi", "mkt_tok", "vd_source", "isappinstalled", "wfr",
    };

    private static readonly string[] TrackingPrefixes = ["utm_", "share_"];

    private static readonly string[] WeChatArticleParameters = ["__biz", "mid", "idx", "sn"];

    public Uri Unwrap(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!IsHttp(url))
        {
            return url;
        }

        var current = url;
        for (var i = 0; i < MaxUnwrapDepth; i++)
        {
            var target = RedirectUnwrapper.TargetOf(current);
            if (target is null)
            {
                break;
            }

            current = target;
        }

        return current;
    }

    public Uri Canonicalize(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!IsHttp(url))
        {
            return url;
        }

        var unwrapped = Unwrap(url);
        var host = unwrapped.Host.ToLowerInvariant().TrimEnd('.');
        var path = unwrapped.AbsolutePath;
        var scheme = unwrapped.Scheme.ToLowerInvariant();
        var port = unwrapped.IsDefaultPort ? null : unwrapped.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var parameters = QueryParameter.Split(unwrapped.Query);

        if (host is "www.arxiv.org" or "export.arxiv.org" or "arxiv.org" or "m.arxiv.org")
        {
            host = "arxiv.org";
            path = FoldArxivPath(path);
        }
        else if (host is "www.github.com")
        {
            host = "github.com";
        }
        else if (host is "www.openreview.net")
        {
            host = "openreview.net";
        }
        else if (TryFoldWeiboPost(host, path, out var weiboPath))
        {
            host = "m.weibo.cn";
            path = weiboPath;
            parameters.Clear();
        }

        if (host == "mp.weixin.qq.com")
        {
            parameters = path.TrimEnd('/').Equals("/s", StringComparison.Ordinal)
                ? [.. parameters.Where(p => WeChatArticleParameters.Contains(p.Name, StringComparer.Ordinal))]
                : path.StartsWith("/s/", StringComparison.Ordinal) ? [] : parameters;
        }

        if (HttpsOnlyDomains.Any(d => RedirectUnwrapper.IsHostOrSubdomain(host, d)))
        {
            scheme = "https";
            port = null;
        }

        var builder = new StringBuilder(unwrapped.OriginalString.Length);
        builder.Append(scheme).Append("://").Append(host);
        if (port is not null)
        {
            builder.Append(':').Append(port);
        }

        builder.Append(path);
        var kept = parameters.Where(p => !IsTracking(p.Name)).Select(p => p.Raw).ToList();
        if (kept.Count > 0)
        {
            builder.Append('?').AppendJoin('&', kept);
        }

        return new Uri(builder.ToString());
    }

    private static bool IsHttp(Uri url) => url.IsAbsoluteUri && url.Scheme is "http" or "https";

    private static bool IsTracking(string name) =>
        TrackingParameters.Contains(name) || TrackingPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    private static string FoldArxivPath(string path)
    {
        var match = ArxivPaperPath().Match(path);
        return match.Success ? "/abs/" + match.Groups["id"].Value : path;
    }

    private static bool TryFoldWeiboPost(string host, string path, out string folded)
    {
        folded = string.Empty;
        if (host is not ("m.weibo.cn" or "weibo.cn" or "m.weibo.com" or "weibo.com" or "www.weibo.com"))
        {
            return false;
        }

        var match = WeiboPostPath().Match(path);
        if (!match.Success)
        {
            return false;
        }

        folded = "/detail/" + match.Groups["id"].Value;
        return true;
    }

    // New-style (2501.00001, optional version) and old-style (cs/0112017) identifiers; pdf links with or without ".pdf".
    [GeneratedRegex(@"^/(?:abs|pdf|html)/(?<id>(?:\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?)(?:\.pdf)?/?$", RegexOptions.CultureInvariant)]
    private static partial Regex ArxivPaperPath();

    // /status/ID, /detail/ID and /UID/ID on either host; a numeric uid only, because /u/UID is a profile, not a post.
    // ID: a numeric mid, or a 9-character base62 bid with a digit or capital (so /UID/followers is not a post).
    [GeneratedRegex(@"^/(?:status|detail|\d{5,12})/(?<id>\d{12,20}|(?=[a-z]*[0-9A-Z])[0-9A-Za-z]{9})/?$", RegexOptions.CultureInvariant)]
    private static partial Regex WeiboPostPath();
}
