using System.Text.RegularExpressions;

namespace Aggregator.Papers;

/// <summary>Finds links written as plain text and makes hrefs absolute.</summary>
internal static partial class WebLinks
{
    // Scheme-less hosts are the paper and code hosts people paste without "https://". URLs stop at whitespace, quotes,
    // angle brackets and CJK text or punctuation, which Chinese posts write right after a link.
    [GeneratedRegex(
        @"(?:https?://|(?<![\w.@/])(?:www\.)?(?:arxiv\.org|openreview\.net|aclanthology\.org|doi\.org|dx\.doi\.org|huggingface\.co|alphaxiv\.org|github\.com)/)[^\s<>""'，。；：、！？（）【】《》“”‘’\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareUrl();

    public static IEnumerable<(int Index, int Length, string Url)> FindInText(string text)
    {
        foreach (Match match in BareUrl().Matches(text))
        {
            var url = TrimTrailing(match.Value);
            if (url.Length < 12)
            {
                continue;
            }

            var absolute = url.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? url : "https://" + url;
            yield return (match.Index, url.Length, absolute);
        }
    }

    /// <summary>Text with every plain URL removed, so ids inside unrelated URLs are not read as bare ids.</summary>
    public static string WithoutUrls(string text) => BareUrl().Replace(text, match => new string(' ', match.Length));

    /// <summary>The absolute form of an href, or null for empty, fragment-only and non-web links.</summary>
    public static string? Resolve(string? href, Uri? baseUri)
    {
        href = href?.Trim();
        if (string.IsNullOrEmpty(href) || href.StartsWith('#'))
        {
            return null;
        }

        if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute.AbsoluteUri;
        }

        if (baseUri is not null && !href.Contains(':', StringComparison.Ordinal)
            && Uri.TryCreate(baseUri, href, out var resolved))
        {
            return resolved.AbsoluteUri;
        }

        return null;
    }

    /// <summary>Drops sentence punctuation after a URL, and a closing bracket that the URL did not open.</summary>
    public static string TrimTrailing(string url)
    {
        while (url.Length > 0)
        {
            var last = url[^1];
            if (last is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '"' or '*' or '>')
            {
                url = url[..^1];
            }
            else if ((last == ')' && Count(url, '(') < Count(url, ')'))
                     || (last == ']' && Count(url, '[') < Count(url, ']')))
            {
                url = url[..^1];
            }
            else
            {
                break;
            }
        }

        return url;
    }

    private static int Count(string text, char c) => text.Count(x => x == c);
}
