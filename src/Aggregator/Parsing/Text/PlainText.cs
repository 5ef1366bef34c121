using System.Net;
using System.Text;

namespace Aggregator.Parsing.Text;

/// <summary>Reduces a title (HTML or text) to one line of plain text: tags stripped, entities decoded, whitespace collapsed.</summary>
internal static class PlainText
{
    public static string? FromHtml(string? html)
    {
        if (html is null)
        {
            return null;
        }

        var hasMarkup = html.AsSpan().IndexOfAny('<', '&') >= 0;
        return Collapse(hasMarkup ? WebUtility.HtmlDecode(StripTags(html)) : html);
    }

    /// <summary>Collapses runs of whitespace (including no-break spaces) into one space and trims.</summary>
    public static string? Collapse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var span = text.AsSpan().Trim();
        if (!NeedsCollapse(span))
        {
            return span.Length == text.Length ? text : span.ToString();
        }

        var builder = new StringBuilder(span.Length);
        var pendingSpace = false;
        foreach (var c in span)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool NeedsCollapse(ReadOnlySpan<char> span)
    {
        for (var i = 0; i < span.Length; i++)
        {
            if (char.IsWhiteSpace(span[i]) && (span[i] != ' ' || i + 1 < span.Length && char.IsWhiteSpace(span[i + 1])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInlineTag(ReadOnlySpan<char> tag)
    {
        tag = tag.TrimStart('/');
        var length = 0;
        while (length < tag.Length && char.IsAsciiLetterOrDigit(tag[length]))
        {
            length++;
        }

        return tag[..length].ToString().ToLowerInvariant() is "a" or "b" or "i" or "u" or "s" or "em" or "strong" or "span"
            or "code" or "sub" or "sup" or "font" or "small" or "big" or "abbr" or "mark" or "cite" or "q" or "tt";
    }

    /// <summary>Removes tags, comments and CDATA markers; a '&lt;' not starting a tag ("a &lt; b") stays.</summary>
    private static string StripTags(string html)
    {
        if (html.IndexOf('<') < 0)
        {
            return html;
        }

        var builder = new StringBuilder(html.Length);
        for (var i = 0; i < html.Length; i++)
        {
            var c = html[i];
            if (c == '<' && i + 1 < html.Length && (char.IsLetter(html[i + 1]) || html[i + 1] is '/' or '!' or '?'))
            {
                var end = html.AsSpan(i).StartsWith("<!--") ? html.IndexOf("-->", i + 4, StringComparison.Ordinal) + 2
                    : html.IndexOf('>', i + 1);
                if (end > i)
                {
                    // Block-level boundaries separate words ("<p>a</p><p>b</p>" → "a b"); inline tags do not ("<a>x</a>,").
                    if (!IsInlineTag(html.AsSpan(i + 1, end - i - 1)))
                    {
                        builder.Append(' ');
                    }

                    i = end;
                    continue;
                }
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
