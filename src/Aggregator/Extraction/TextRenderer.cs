using System.Text;
using AngleSharp.Dom;

namespace Aggregator.Extraction;

/// <summary>Plain text of sanitised markup: one line per block, whitespace collapsed, preformatted text kept.</summary>
internal static class TextRenderer
{
    private static readonly HashSet<string> LineBreaking = new(StringComparer.Ordinal)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table",
        "tr", "caption", "figure", "figcaption", "details", "summary", "hr", "br", "thead", "tbody", "tfoot",
    };

    public static string Render(INode root)
    {
        var builder = new StringBuilder();
        var preDepth = 0;
        var pending = new Stack<(INode Node, bool Leaving)>();
        pending.Push((root, false));
        while (pending.Count > 0)
        {
            var (node, leaving) = pending.Pop();
            if (node is IText text)
            {
                AppendText(builder, text.Data, preDepth > 0);
                continue;
            }

            if (node is not IElement && !ReferenceEquals(node, root))
            {
                continue;
            }

            var name = (node as IElement)?.LocalName;
            var breaks = name is not null && LineBreaking.Contains(name);
            if (leaving)
            {
                preDepth -= name == "pre" ? 1 : 0;
                if (breaks)
                {
                    builder.Append('\n');
                }

                continue;
            }

            if (breaks)
            {
                builder.Append('\n');
            }
            else if (name is "td" or "th")
            {
                builder.Append(' ');
            }

            preDepth += name == "pre" ? 1 : 0;
            pending.Push((node, true));
            var children = node.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                pending.Push((children[i], false));
            }
        }

        var lines = builder.ToString().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
        return string.Join('\n', lines);
    }

    private static void AppendText(StringBuilder builder, string text, bool preformatted)
    {
        if (preformatted)
        {
            builder.Append(text);
            return;
        }

        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] is not (' ' or '\n'))
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(c);
            }
        }
    }
}
