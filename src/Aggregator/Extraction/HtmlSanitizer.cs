using AngleSharp.Dom;

namespace Aggregator.Extraction;

/// <summary>
/// Rewrites the markup from an allow-list, so nothing not named here can reach the output: unknown elements are
/// unwrapped (their children kept), dangerous ones dropped with their content. The walk is iterative and the output
/// depth is capped, so hostile nesting cannot overflow the stack here or in whoever parses the output.
/// </summary>
public sealed class HtmlSanitizer(ILinkCanonicalizer canonicalizer) : IHtmlSanitizer
{
    internal const int MaxOutputDepth = 100;

    private static readonly HashSet<string> Kept = new(StringComparer.Ordinal)
    {
        "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "ul", "ol", "li", "dl", "dt", "dd",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "pre", "code", "blockquote",
        "b", "i", "em", "strong", "sub", "sup", "u", "s", "del", "ins", "mark", "small", "q", "cite", "abbr", "kbd",
        "samp", "var", "a", "img", "figure", "figcaption", "details", "summary", "div",
    };

    // Block containers keep their boundary (WeChat writes paragraphs as <section>) but not their name.
    private static readonly HashSet<string> KeptAsDiv = new(StringComparer.Ordinal)
    {
        "section", "article", "main", "center", "header", "footer", "address", "hgroup",
    };

    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "param",
        "form", "input", "button", "select", "option", "optgroup", "textarea", "datalist", "output", "fieldset",
        "legend", "label", "dialog", "svg", "math", "canvas", "video", "audio", "source", "track", "map", "area",
        "head", "title", "meta", "link", "base", "basefont", "bgsound", "marquee", "xmp", "plaintext", "noembed",
        "noframes", "portal", "slot",
    };

    private static readonly string[] LinkSchemes = ["http", "https", "mailto"];
    private static readonly string[] ImageSchemes = ["http", "https"];
    private static readonly string[] LazySourceAttributes = ["data-src", "data-original", "data-actualsrc", "data-lazy-src", "src"];

    public string Sanitize(string html, Uri? baseUri)
    {
        var document = HtmlDocuments.Parse(html);
        return document.Body is null ? string.Empty : SanitizeNodes([document.Body], baseUri, unwrapRoots: true).Html;
    }

    /// <summary>Writes the allowed part of <paramref name="sources"/>, in order, with its text and links.</summary>
    /// <param name="unwrapRoots">Write only the roots' children (the roots are containers like body).</param>
    internal SanitizedContent SanitizeNodes(IEnumerable<INode> sources, Uri? baseUri, bool unwrapRoots = false)
    {
        // Written straight to text rather than built as a DOM: AngleSharp spends microseconds creating each element
        // and serialising it, several times the cost of parsing the page.
        var writer = new SanitizedMarkupWriter();
        var pending = new Stack<(INode Node, string? Closing)>();
        foreach (var source in sources.Reverse())
        {
            if (unwrapRoots)
            {
                PushChildren(pending, source);
            }
            else
            {
                pending.Push((source, null));
            }
        }

        while (pending.Count > 0)
        {
            var (node, closing) = pending.Pop();
            if (closing is not null)
            {
                writer.Close(closing);
                continue;
            }

            switch (node)
            {
                case IText text:
                    writer.Text(text.Data);
                    break;
                case IElement element when !IsDroppedWithContent(element):
                    var copy = Allowed(element, baseUri, writer.Depth);
                    if (copy is { } allowed)
                    {
                        writer.Open(allowed.Name, allowed.Attributes);
                        if (SanitizedMarkupWriter.IsVoid(allowed.Name))
                        {
                            break;
                        }

                        pending.Push((element, allowed.Name));
                    }

                    PushChildren(pending, element);
                    break;
            }
        }

        return writer.ToContent();
    }

    private static void PushChildren(Stack<(INode, string?)> pending, INode source)
    {
        // By index: AngleSharp finds a sibling by searching the parent's child list, which is quadratic over a long list.
        var children = source.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            pending.Push((children[i], null));
        }
    }

    private static bool IsDroppedWithContent(IElement element) =>
        Dropped.Contains(element.LocalName) || HiddenContent.IsHidden(element);

    /// <summary>The element's allowed name and attributes, or null to unwrap it (keep only its children).</summary>
    private (string Name, List<KeyValuePair<string, string>> Attributes)? Allowed(IElement element, Uri? baseUri, int depth)
    {
        var name = KeptAsDiv.Contains(element.LocalName) ? "div" : element.LocalName;
        if (!Kept.Contains(name) || (depth >= MaxOutputDepth && !SanitizedMarkupWriter.IsVoid(name)))
        {
            return null;
        }

        var attributes = new List<KeyValuePair<string, string>>();
        switch (name)
        {
            case "a" when !CopyLink(element, attributes, baseUri):
                return null;
            case "img" when !CopyImage(element, attributes, baseUri):
                return null;
            case "td" or "th":
                CopyNumber(element, attributes, "colspan");
                CopyNumber(element, attributes, "rowspan");
                break;
            case "ol":
                CopyNumber(element, attributes, "start");
                break;
        }

        return (name, attributes);
    }

    private bool CopyLink(IElement source, List<KeyValuePair<string, string>> copy, Uri? baseUri)
    {
        var raw = source.GetAttribute("href");
        if (raw is null || raw.TrimStart().StartsWith('#'))
        {
            return false;
        }

        var href = SafeUrl.Resolve(raw, baseUri, LinkSchemes);
        if (href is null)
        {
            return false;
        }

        if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            href = canonicalizer.Unwrap(absolute).AbsoluteUri;
        }

        copy.Add(new("href", href));
        var title = source.GetAttribute("title");
        if (!string.IsNullOrWhiteSpace(title))
        {
            copy.Add(new("title", title));
        }

        copy.Add(new("rel", "noopener noreferrer"));
        return true;
    }

    private static bool CopyImage(IElement source, List<KeyValuePair<string, string>> copy, Uri? baseUri)
    {
        string? src = null;
        foreach (var attribute in LazySourceAttributes)
        {
            src = SafeUrl.Resolve(source.GetAttribute(attribute), baseUri, ImageSchemes);
            if (src is not null && Uri.IsWellFormedUriString(src, UriKind.Absolute))
            {
                break;
            }

            src = null;
        }

        if (src is null || TrackingPixels.IsTrackingPixel(source, new Uri(src)))
        {
            return false;
        }

        copy.Add(new("src", src));
        var alt = source.GetAttribute("alt");
        if (alt is not null)
        {
            copy.Add(new("alt", alt));
        }

        CopyNumber(source, copy, "width");
        CopyNumber(source, copy, "height");
        copy.Add(new("referrerpolicy", "no-referrer"));
        copy.Add(new("loading", "lazy"));
        return true;
    }

    private static void CopyNumber(IElement source, List<KeyValuePair<string, string>> copy, string attribute)
    {
        var value = source.GetAttribute(attribute)?.Trim();
        if (!string.IsNullOrEmpty(value) && value.Length <= 6 && value.All(char.IsAsciiDigit))
        {
            copy.Add(new(attribute, value));
        }
    }
}
