namespace Aggregator.Papers;

/// <summary>
/// Unwraps the link redirectors Chinese platforms and search engines put around outgoing links (Weibo's sinaurl,
/// Zhihu's link.zhihu.com, Google's /url), by decoding the query parameter that carries the target. Deliberately
/// minimal: it knows only redirectors whose target is in the URL, so no network is needed.
/// </summary>
internal static class RedirectUnwrapper
{
    private const int MaxDepth = 3;

    public static string Unwrap(string url)
    {
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                return url;
            }

            var target = TargetOf(uri);
            if (target is null)
            {
                return url;
            }

            url = target;
        }

        return url;
    }

    private static string? TargetOf(Uri uri)
    {
        var host = uri.Host.ToLowerInvariant();
        var path = uri.AbsolutePath;
        string[] parameters = host switch
        {
            "weibo.cn" or "m.weibo.cn" or "www.weibo.cn" when path.StartsWith("/sinaurl", StringComparison.Ordinal) => ["u", "toasturl"],
            "link.zhihu.com" => ["target"],
            _ when IsGoogle(host) && path == "/url" => ["q", "url"],
            _ => [],
        };

        foreach (var name in parameters)
        {
            var value = QueryValue(uri.Query, name);
            if (value is not null && value.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    private static bool IsGoogle(string host) =>
        host.StartsWith("www.google.", StringComparison.Ordinal) || host.StartsWith("google.", StringComparison.Ordinal);

    private static string? QueryValue(string query, string name)
    {
        foreach (var pair in query.TrimStart('?').Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !pair[..equals].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var value = Uri.UnescapeDataString(pair[(equals + 1)..]);
            // Some redirectors encode their target twice.
            while (value.StartsWith("http%3A", StringComparison.OrdinalIgnoreCase)
                   || value.StartsWith("https%3A", StringComparison.OrdinalIgnoreCase))
            {
                value = Uri.UnescapeDataString(value);
            }

            return value;
        }

        return null;
    }
}
