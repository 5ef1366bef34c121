namespace Aggregator.Extraction;

/// <summary>
/// Finds the target of a tracking redirector whose destination sits in a query parameter. Shorteners (t.cn, t.co)
/// need a request to resolve and are left alone.
/// </summary>
internal static class RedirectUnwrapper
{
    /// <summary>Known redirectors: host (or a subdomain of it), path prefix, parameters holding the target.</summary>
    private static readonly (string Host, string PathPrefix, string[] Parameters)[] Known =
    [
        ("weibo.cn", "/sinaurl", ["u", "toasturl"]),
        ("link.zhihu.com", "/", ["target"]),
        ("jianshu.com", "/go-wild", ["url"]),
        ("link.csdn.net", "/", ["target"]),
        ("link.juejin.cn", "/", ["target"]),
        ("l.facebook.com", "/l.php", ["u"]),
        ("lm.facebook.com", "/l.php", ["u"]),
        ("m.facebook.com", "/l.php", ["u"]),
        ("out.reddit.com", "/", ["url"]),
        ("steamcommunity.com", "/linkfilter", ["url", "u"]),
        ("youtube.com", "/redirect", ["q"]),
        ("t.umblr.com", "/redirect", ["z"]),
        ("away.vk.com", "/away.php", ["to"]),
        ("douban.com", "/link2", ["url"]),
        ("oschina.net", "/action/GoToLink", ["url"]),
        ("getpocket.com", "/redirect", ["url"]),
        ("slack-redir.net", "/link", ["url"]),
    ];

    // The generic rule needs both a path that says "redirect" and a parameter holding an absolute http(s) URL, so
    // share buttons (sharer.php?u=) and login flows (redirect_uri, next, return_to) are not mistaken for redirectors.
    private static readonly HashSet<string> RedirectPathWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "redirect", "redir", "url", "out", "outgoing", "away", "go", "goto", "link", "jump", "outlink", "external",
        "exit", "leave", "linkfilter", "go-wild", "gotolink",
    };

    private static readonly string[] GenericParameters = ["url", "u", "target", "to", "dest", "destination", "link", "goto", "href"];

    /// <summary>The URL the redirector sends to, or null when <paramref name="url"/> is not a redirector.</summary>
    public static Uri? TargetOf(Uri url)
    {
        if (string.IsNullOrEmpty(url.Query) || url.Query.Length < 2)
        {
            return null;
        }

        var host = url.Host.ToLowerInvariant();
        var path = url.AbsolutePath;
        var parameters = QueryParameter.Split(url.Query);
        foreach (var (knownHost, prefix, names) in Known)
        {
            if (IsHostOrSubdomain(host, knownHost) && path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return FirstAbsolute(parameters, names);
            }
        }

        if (IsGoogle(host) && path.Equals("/url", StringComparison.OrdinalIgnoreCase))
        {
            return FirstAbsolute(parameters, ["q", "url"]);
        }

        return LooksLikeRedirectPath(path) ? FirstAbsolute(parameters, GenericParameters) : null;
    }

    internal static bool IsHostOrSubdomain(string host, string domain) =>
        host.Equals(domain, StringComparison.Ordinal) || host.EndsWith("." + domain, StringComparison.Ordinal);

    private static bool IsGoogle(string host) =>
        host.StartsWith("google.", StringComparison.Ordinal) || host.StartsWith("www.google.", StringComparison.Ordinal);

    private static bool LooksLikeRedirectPath(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length is 0 or > 2)
        {
            return false;
        }

        var word = Path.GetFileNameWithoutExtension(segments[^1]);
        return RedirectPathWords.Contains(word) || RedirectPathWords.Contains(Path.GetFileNameWithoutExtension(segments[0]));
    }

    private static Uri? FirstAbsolute(List<QueryParameter> parameters, string[] names)
    {
        foreach (var name in names)
        {
            foreach (var parameter in parameters)
            {
                if (parameter.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && TryAbsoluteHttp(parameter.Value, out var target))
                {
                    return target;
                }
            }
        }

        return null;
    }

    private static bool TryAbsoluteHttp(string value, out Uri target)
    {
        value = value.Trim();

        // Some redirectors encode the target twice.
        if (value.StartsWith("http%3a", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https%3a", StringComparison.OrdinalIgnoreCase))
        {
            value = Uri.UnescapeDataString(value);
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https" && parsed.Host.Length > 0)
        {
            target = parsed;
            return true;
        }

        target = null!;
        return false;
    }
}
