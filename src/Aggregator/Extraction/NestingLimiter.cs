using System.Text;

namespace Aggregator.Extraction;

/// <summary>
/// Drops start and end tags nested deeper than a limit before AngleSharp sees the markup. AngleSharp's tree builder
/// scans the stack of open elements on every start tag, so parse time grows with the square of the nesting depth
/// (100,000 nested divs take minutes); browsers cap the depth for the same reason. Real pages stay far below the limit,
/// so this only ever changes hostile or broken input, and it keeps every text character.
/// </summary>
internal static class NestingLimiter
{
    internal const int DefaultMaxDepth = 512;

    // Elements that never hold children, or whose end tag is implied by the next sibling, do not deepen the tree.
    private static readonly HashSet<string> NonNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "keygen", "frame", "basefont", "bgsound", "image",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup", "rb", "rt",
        "rp", "rtc",
    };

    // Their content is text up to the matching end tag, whatever it looks like.
    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
    };

    public static string Limit(string html, int maxDepth = DefaultMaxDepth)
    {
        ArgumentNullException.ThrowIfNull(html);
        StringBuilder? output = null;
        var copiedUpTo = 0;
        var depth = 0;
        var i = html.IndexOf('<');
        while (i >= 0 && i < html.Length - 1)
        {
            var next = html[i + 1];
            int end;
            if (next == '!' || next == '?')
            {
                end = string.CompareOrdinal(html, i, "<!--", 0, 4) == 0
                    ? IndexAfter(html, "-->", i + 4)
                    : IndexAfter(html, ">", i + 2);
                i = html.IndexOf('<', end);
                continue;
            }

            var closing = next == '/';
            var nameStart = closing ? i + 2 : i + 1;
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            {
                i = html.IndexOf('<', i + 1);
                continue;
            }

            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':' or '_'))
            {
                nameEnd++;
            }

            var name = html.AsSpan(nameStart, nameEnd - nameStart);
            end = TagEnd(html, nameEnd);
            var selfClosing = end >= 2 && html[end - 2] == '/';
            var drop = false;
            if (closing)
            {
                if (!IsNonNesting(name))
                {
                    drop = depth > maxDepth;
                    depth = Math.Max(0, depth - 1);
                }
            }
            else if (IsRawText(name))
            {
                end = RawTextEnd(html, end, name);
            }
            else if (!selfClosing && !IsNonNesting(name))
            {
                depth++;
                drop = depth > maxDepth;
            }

            if (drop)
            {
                output ??= new StringBuilder(html.Length);
                output.Append(html, copiedUpTo, i - copiedUpTo);
                copiedUpTo = end;
            }

            i = end < html.Length ? html.IndexOf('<', end) : -1;
        }

        if (output is null)
        {
            return html;
        }

        output.Append(html, copiedUpTo, html.Length - copiedUpTo);
        return output.ToString();
    }

    private static bool IsNonNesting(ReadOnlySpan<char> name) =>
        NonNesting.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name);

    private static bool IsRawText(ReadOnlySpan<char> name) =>
        RawText.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name);

    private static int IndexAfter(string html, string marker, int from)
    {
        var at = html.IndexOf(marker, from, StringComparison.Ordinal);
        return at < 0 ? html.Length : at + marker.Length;
    }

    /// <summary>The index just past the tag's closing '&gt;', skipping quoted attribute values.</summary>
    private static int TagEnd(string html, int from)
    {
        char quote = '\0';
        for (var j = from; j < html.Length; j++)
        {
            var c = html[j];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return j + 1;
            }
        }

        return html.Length;
    }

    private static int RawTextEnd(string html, int from, ReadOnlySpan<char> name)
    {
        var closingTag = string.Concat("</", name);
        var at = html.IndexOf(closingTag, from, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? html.Length : TagEnd(html, at + closingTag.Length);
    }
}
