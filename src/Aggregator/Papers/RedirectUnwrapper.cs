using Aggregator.Extraction;

namespace Aggregator.Papers;

/// <summary>
/// Unwraps tracking redirectors (weibo.cn/sinaurl, link.zhihu.com, Google's /url, …) around links to papers, with the
/// extraction stage's rules, so the whole pipeline agrees on what a wrapped link points at.
/// </summary>
internal static class RedirectUnwrapper
{
    private static readonly LinkCanonicalizer Links = new();

    public static string Unwrap(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && Links.Unwrap(uri) is var target && target != uri
            ? target.AbsoluteUri
            : url;
}
