using System.Text;

namespace Aggregator.Extraction;

/// <summary>
/// Writes sanitised markup with its plain text and links in one pass. Every element it opens it closes, text and
/// attribute values are escaped as AngleSharp's serialiser escapes them, and blocks left empty (spacer paragraphs,
/// wrappers whose content was dropped) are taken back out as they close.
/// </summary>
internal sealed class SanitizedMarkupWriter
{
    private static readonly HashSet<string> Void = new(StringComparer.Ordinal) { "br", "hr", "img" };

    private static readonly HashSet<string> PrunedWhenEmpty = new(StringComparer.Ordinal)
    {
        "p", "div", "b", "i", "em", "strong", "u", "s", "small", "mark", "blockquote", "figure", "figcaption", "li", "ul", "ol",
    };

    private static readonly HashSet<string> LineBreaking = new(StringComparer.Ordinal)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table",
        "tr", "caption", "figure", "figcaption", "details", "summary", "hr", "br", "thead", "tbody", "tfoot",
    };

    private readonly StringBuilder html = new();
    private readonly PlainTextBuilder text = new();
    private readonly List<string> links = [];
    private readonly Stack<(string Name, int Start, int ContentStart, int LinkCount)> open = new();
    private int preformatted;

    /// <summary>How many elements are open: the output's nesting depth at this point.</summary>
    public int Depth => open.Count;

    public static bool IsVoid(string name) => Void.Contains(name);

    public void Open(string name, IReadOnlyList<KeyValuePair<string, string>> attributes)
    {
        var start = html.Length;
        html.Append('<').Append(name);
        foreach (var (attribute, value) in attributes)
        {
            html.Append(' ').Append(attribute).Append("=\"");
            Escape(value, attribute: true);
            html.Append('"');
        }

        html.Append('>');
        if (name == "a" && attributes.FirstOrDefault(a => a.Key == "href").Value is { } href
            && (href.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
        {
            links.Add(href);
        }

        BreakOrSpace(name);
        if (IsVoid(name))
        {
            return;
        }

        preformatted += name == "pre" ? 1 : 0;
        open.Push((name, start, html.Length, links.Count));
    }

    public void Close(string name)
    {
        var (openName, start, contentStart, linkCount) = open.Pop();
        if (openName != name)
        {
            throw new InvalidOperationException($"Closing <{name}> while <{openName}> is open.");
        }

        preformatted -= name == "pre" ? 1 : 0;
        BreakOrSpace(name);
        if (PrunedWhenEmpty.Contains(name) && IsBlank(contentStart))
        {
            html.Length = start;
            links.RemoveRange(linkCount, links.Count - linkCount);
            return;
        }

        html.Append("</").Append(name).Append('>');
    }

    public void Text(string data)
    {
        Escape(data, attribute: false);
        text.Append(data, preformatted > 0);
    }

    public SanitizedContent ToContent()
    {
        while (open.Count > 0)
        {
            Close(open.Peek().Name);
        }

        return new SanitizedContent(html.ToString().Trim(), text.ToString(), [.. links.Distinct(StringComparer.Ordinal)]);
    }

    private void BreakOrSpace(string name)
    {
        if (LineBreaking.Contains(name))
        {
            text.LineBreak();
        }
        else if (name is "td" or "th")
        {
            text.Space();
        }
    }

    /// <summary>True when everything written since <paramref name="from"/> is whitespace or line breaks.</summary>
    private bool IsBlank(int from)
    {
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (c == '<' && i + 3 < html.Length && html[i + 1] == 'b' && html[i + 2] == 'r' && html[i + 3] == '>')
            {
                i += 3;
            }
            else if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    private void Escape(string value, bool attribute)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '&':
                    html.Append("&amp;");
                    break;
                case '\u00A0':
                    html.Append("&nbsp;");
                    break;
                case '"' when attribute:
                    html.Append("&quot;");
                    break;
                case '<':
                    html.Append("&lt;");
                    break;
                case '>':
                    html.Append("&gt;");
                    break;
                default:
                    html.Append(c);
                    break;
            }
        }
    }
}
