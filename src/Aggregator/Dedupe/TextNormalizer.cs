using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Aggregator.Dedupe;

/// <summary>
/// Reduces a post's text to what stays the same when it is re-published: letters and digits only, lower case, without
/// URLs, repost lines ("转载自…", "Reposted from …"), Weibo repost chains ("//@user:") or short sign-off lines at either
/// end. Whitespace and punctuation go because reposts re-wrap and re-punctuate (full-width vs half-width, CSDN's extra
/// line breaks). Used only to fingerprint, never to display.
/// </summary>
internal static partial class TextNormalizer
{
    /// <summary>
    /// Lines starting with these (after NFKC, lower-cased, trimmed) are repost or copyright boilerplate a copy adds or
    /// drops. Matched as line prefixes only, so a sentence that merely mentions "来源" in its middle stays.
    /// </summary>
    private static readonly string[] BoilerplateLinePrefixes =
    [
        "转载自", "本文转载自", "文章转载自", "原文链接", "原文地址", "原文:", "来源:", "本文来源", "文章来源", "出处:",
        "版权声明", "著作权归作者所有", "转发微博", "reposted from", "re-posted from", "cross-posted from",
        "crossposted from", "originally published", "this post was originally published", "this article was originally",
        "source:", "via:",
    ];

    /// <summary>Whole lines that stand for an image the copy may have dropped.</summary>
    private static readonly string[] ImagePlaceholderLines = ["图片", "[图片]", "[image]", "image", "图"];

    /// <summary>Lines shorter than this (normalised characters) at the edges of a text are taken as sign-offs.</summary>
    private const int ShortEdgeLine = 40;

    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var folded = text.Normalize(NormalizationForm.FormKC);
        folded = WeiboRepostMarker().Replace(folded, "\n");
        folded = Url().Replace(folded, " ");
        folded = Email().Replace(folded, " ");

        var lines = new List<string>();
        var builder = new StringBuilder();
        foreach (var rawLine in folded.AsSpan().EnumerateLines())
        {
            var line = rawLine.Trim();
            if (line.IsEmpty || IsBoilerplateLine(line))
            {
                continue;
            }

            builder.Clear();
            AppendLettersAndDigits(builder, line);
            if (builder.Length > 0)
            {
                lines.Add(builder.ToString());
            }
        }

        return string.Concat(WithoutShortEdgeLines(lines));
    }

    /// <summary>
    /// Drops short lines at the start and end (sign-offs, bylines, "Follow us…", a portal's footer) that copies add or
    /// lose and no boilerplate list can know in advance, stopping at the first full line and never dropping more than a
    /// quarter of the text. Short lines inside the body stay.
    /// </summary>
    private static IEnumerable<string> WithoutShortEdgeLines(List<string> lines)
    {
        var budget = lines.Sum(l => l.Length) / 4;
        int first = 0, last = lines.Count - 1;
        while (first < last && lines[last].Length < ShortEdgeLine && lines[last].Length <= budget)
        {
            budget -= lines[last--].Length;
        }

        while (first < last && lines[first].Length < ShortEdgeLine && lines[first].Length <= budget)
        {
            budget -= lines[first++].Length;
        }

        return lines.Skip(first).Take(last - first + 1);
    }

    private static bool IsBoilerplateLine(ReadOnlySpan<char> line)
    {
        foreach (var prefix in BoilerplateLinePrefixes)
        {
            if (line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var placeholder in ImagePlaceholderLines)
        {
            if (line.Equals(placeholder, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static void AppendLettersAndDigits(StringBuilder builder, ReadOnlySpan<char> line)
    {
        Span<char> buffer = stackalloc char[2];
        foreach (var rune in line.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                var lower = Rune.ToLowerInvariant(rune);
                var written = lower.EncodeToUtf16(buffer);
                builder.Append(buffer[..written]);
            }
        }
    }

    /// <summary>
    /// Weibo repost chain markers: "//@name:" (each reposter's comment follows), a leading "转发微博"/"转发"
    /// and "回复@name:". The marker becomes a line break so the text after it is kept while the prefix line rules apply.
    /// </summary>
    [GeneratedRegex(@"//@[^:\s/]{1,40}\s*:|回复@[^:\s]{1,40}\s*:|^\s*(?:转发微博|转发)\s*", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex WeiboRepostMarker();

    /// <summary>URL characters per RFC 3986 only, so a URL directly followed by Chinese text does not swallow it.</summary>
    [GeneratedRegex(@"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();
}
