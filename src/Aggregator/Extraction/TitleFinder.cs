using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Aggregator.Extraction;

/// <summary>The page's own title: og:title, else the first h1, else &lt;title&gt;, without the site's name appended.</summary>
internal static partial class TitleFinder
{
    // Site names appended without spaces, which the generic rule below cannot see.
    private static readonly string[] KnownSuffixes = ["-CSDN博客", "_CSDN博客", "- 知乎", "_知乎", "- 掘金", "- 博客园", "_哔哩哔哩_bilibili", "-今日头条"];

    private static readonly string[] Separators = [" - ", " | ", " – ", " — ", " _ ", " · ", " :: "];

    public static string? Find(IDocument document)
    {
        var candidates = new[]
        {
            document.QuerySelector("meta[property='og:title'], meta[name='og:title'], meta[name='twitter:title']")?.GetAttribute("content"),
            document.QuerySelector("h1")?.TextContent,
            document.Title,
        };
        foreach (var candidate in candidates)
        {
            var title = Collapse(candidate);
            if (title.Length > 0)
            {
                return TrimSiteName(title);
            }
        }

        return null;
    }

    internal static string TrimSiteName(string title)
    {
        foreach (var suffix in KnownSuffixes)
        {
            if (title.EndsWith(suffix, StringComparison.Ordinal) && title.Length > suffix.Length)
            {
                title = title[..^suffix.Length].TrimEnd();

                // CSDN: "title_author的博客-CSDN博客".
                title = AuthorBlogSuffix().Replace(title, string.Empty);
                return title;
            }
        }

        foreach (var separator in Separators)
        {
            var at = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }

            var head = title[..at].Trim();
            var site = title[(at + separator.Length)..].Trim();
            if (site.Length <= 30 && head.Length >= site.Length && LooksLikeWholeTitle(head))
            {
                return head;
            }
        }

        return title;
    }

    private static bool LooksLikeWholeTitle(string head) =>
        head.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3 || (head.Any(c => c >= '\u3400') && head.Length >= 6);

    private static string Collapse(string? text) =>
        text is null ? string.Empty : Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // The author is an ASCII id (which may hold '_') or a nickname (which then has none).
    [GeneratedRegex(@"_(?:[A-Za-z0-9_\-]{1,40}|[^_]{1,30})的博客$")]
    private static partial Regex AuthorBlogSuffix();
}
