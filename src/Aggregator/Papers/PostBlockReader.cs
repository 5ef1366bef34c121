using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Aggregator.Papers;

/// <summary>
/// Cuts a post into blocks: HTML headings, paragraph lines (split at &lt;br&gt;) and list items, each with its links.
/// Markdown that reached us as text ("## 1. Title", "* item", "[text](url)") is read as the structure it stands for, since
/// README feeds and plain-text posts carry it. Falls back to the plain text, one block a line, when the HTML is empty.
/// </summary>
internal static partial class PostBlockReader
{
    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "header", "footer", "main", "aside", "blockquote", "pre", "ul", "ol", "li",
        "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "td", "th", "dl", "dt", "dd",
        "figure", "figcaption", "hr", "details", "summary", "nav", "body",
    };

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "img", "video", "audio", "iframe",
    };

    [GeneratedRegex(@"^(?<hashes>#{1,6})\s*(?<text>.*?)\s*#*$")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"^[*\-+•·]\s+(?<text>.*)$")]
    private static partial Regex MarkdownBullet();

    [GeneratedRegex(@"^(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:[.、)）]|\.\s)\s*\S|^\[\d{1,3}\]\s*\S")]
    private static partial Regex NumberedLine();

    [GeneratedRegex(@"(?<!!)\[(?<text>[^\]]*)\]\((?<url>[^)\s]*)\)")]
    private static partial Regex MarkdownLink();

    public static IReadOnlyList<PostBlock> Read(PostDocument post)
    {
        var blocks = new List<PostBlock>();
        if (!string.IsNullOrWhiteSpace(post.Html))
        {
            var document = new HtmlParser().ParseDocument(post.Html);
            if (document.Body is { } body)
            {
                Walk(body, PostBlockKind.Paragraph, 0, false, post.BaseUri, blocks);
            }
        }

        if (blocks.Count == 0 && !string.IsNullOrWhiteSpace(post.Text))
        {
            foreach (var line in post.Text.Split('\n'))
            {
                AddLine(line, [], PostBlockKind.Paragraph, 0, false, false, post.BaseUri, blocks);
            }
        }

        return blocks;
    }

    private static void Walk(IElement container, PostBlockKind kind, int level, bool numbered, Uri? baseUri, List<PostBlock> blocks)
    {
        var inline = new InlineText();
        foreach (var child in container.ChildNodes)
        {
            if (child is IElement element && BlockElements.Contains(element.LocalName))
            {
                inline.Flush(kind, level, numbered, baseUri, blocks);
                var name = element.LocalName.ToLowerInvariant();
                switch (name)
                {
                    case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                        var before = blocks.Count;
                        Walk(element, PostBlockKind.Heading, name[1] - '0', false, baseUri, blocks);
                        if (blocks.Count == before)
                        {
                            // An empty heading still ends the section above it (a collection README's empty templates).
                            blocks.Add(new PostBlock(PostBlockKind.Heading, name[1] - '0', "", [], false, false));
                        }

                        break;
                    case "li":
                        Walk(element, PostBlockKind.ListItem, 0, element.ParentElement?.LocalName == "ol", baseUri, blocks);
                        break;
                    default:
                        Walk(element, kind == PostBlockKind.Heading ? kind : PostBlockKind.Paragraph, level, false, baseUri, blocks);
                        break;
                }
            }
            else
            {
                inline.Add(child);
            }
        }

        inline.Flush(kind, level, numbered, baseUri, blocks);
    }

    private static void AddLine(
        string line, List<(int Start, string Href, string Text)> links, PostBlockKind kind, int level, bool numbered,
        bool emphasised, Uri? baseUri, List<PostBlock> blocks)
    {
        var leading = line.Length - line.TrimStart().Length;
        var text = line.Trim();
        // Markdown links become their text; the target joins the block's links.
        var markdownLinks = new List<PostLink>();
        text = MarkdownLink().Replace(text, match =>
        {
            if (WebLinks.Resolve(match.Groups["url"].Value, baseUri) is { } url && match.Groups["text"].Length > 0)
            {
                markdownLinks.Add(new PostLink(url, match.Groups["text"].Value.Trim(), match.Index));
            }

            return match.Groups["text"].Value;
        });

        var markdownHeading = false;
        if (kind == PostBlockKind.Paragraph && MarkdownHeading().Match(text) is { Success: true } heading)
        {
            markdownHeading = true;
            kind = PostBlockKind.Heading;
            level = heading.Groups["hashes"].Length;
            text = heading.Groups["text"].Value;
        }
        else if (kind == PostBlockKind.Paragraph && MarkdownBullet().Match(text) is { Success: true } bullet)
        {
            kind = PostBlockKind.ListItem;
            text = bullet.Groups["text"].Value;
        }

        numbered = numbered || NumberedLine().IsMatch(text);
        var resolved = new List<PostLink>();
        foreach (var (start, href, linkText) in links)
        {
            if (WebLinks.Resolve(href, baseUri) is { } url)
            {
                resolved.Add(new PostLink(url, linkText, Math.Max(0, start - leading)));
            }
        }

        resolved.AddRange(markdownLinks);
        foreach (var (index, length, url) in WebLinks.FindInText(text))
        {
            if (!resolved.Exists(l => string.Equals(l.Url, url, StringComparison.Ordinal)))
            {
                resolved.Add(new PostLink(url, text.Substring(index, length), index));
            }
        }

        if (text.Length > 0 || markdownHeading)
        {
            blocks.Add(new PostBlock(kind, level, text, resolved, numbered, emphasised && text.Length > 0));
        }
    }

    /// <summary>Inline content collected until the next block element: text, line breaks, links, bold share.</summary>
    private sealed class InlineText
    {
        private readonly StringBuilder _text = new();
        private readonly List<(int Start, string Href, string Text)> _links = [];
        private int _boldChars;
        private int _letterChars;

        public void Add(INode node) => Append(node, bold: false);

        public void Flush(PostBlockKind kind, int level, bool numbered, Uri? baseUri, List<PostBlock> blocks)
        {
            var whole = _text.ToString();
            var emphasised = kind == PostBlockKind.Paragraph && _letterChars > 0 && _boldChars >= _letterChars * 0.9;
            var offset = 0;
            foreach (var line in whole.Split('\n'))
            {
                var end = offset + line.Length;
                if (line.Trim().Length > 0)
                {
                    var lineLinks = _links.Where(l => l.Start >= offset && l.Start <= end).Select(l => (l.Start - offset, l.Href, l.Text)).ToList();
                    AddLine(line, lineLinks, kind, level, numbered, emphasised, baseUri, blocks);
                }

                offset = end + 1;
            }

            _text.Clear();
            _links.Clear();
            _boldChars = 0;
            _letterChars = 0;
        }

        private void Append(INode node, bool bold)
        {
            switch (node)
            {
                case IText text:
                    var data = Collapse(text.Data);
                    if (_text.Length > 0 && _text[^1] is ' ' or '\n')
                    {
                        data = data.TrimStart(' ');
                    }

                    _text.Append(data);
                    var letters = data.Count(char.IsLetterOrDigit);
                    _letterChars += letters;
                    _boldChars += bold ? letters : 0;
                    break;
                case IElement element when element.LocalName == "br":
                    _text.Append('\n');
                    break;
                case IElement element when Skipped.Contains(element.LocalName):
                    break;
                case IElement element:
                    var isBold = bold || element.LocalName is "strong" or "b";
                    var start = _text.Length;
                    foreach (var child in element.ChildNodes)
                    {
                        Append(child, isBold);
                    }

                    if (element.LocalName == "a")
                    {
                        _links.Add((start, element.GetAttribute("href") ?? "", Collapse(_text.ToString(start, _text.Length - start)).Trim()));
                    }

                    break;
            }
        }

        private static string Collapse(string text)
        {
            var builder = new StringBuilder(text.Length);
            var space = false;
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c) && c != '\u3000')
                {
                    space = true;
                    continue;
                }

                if (space)
                {
                    builder.Append(' ');
                    space = false;
                }

                builder.Append(c);
            }

            if (space)
            {
                builder.Append(' ');
            }

            return builder.ToString();
        }
    }
}
