using AngleSharp.Dom;

namespace Aggregator.Extraction;

/// <summary>
/// Rebuilds the markup from an allow-list into a fresh document, so nothing not named here can reach the output:
/// unknown elements are unwrapped (their children kept), dangerous ones dropped with their content. The walk is
/// iterative and the output depth is capped, so hostile nesting cannot overflow the stack here or when serialising.
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

    private static readonly HashSet<string> PrunedWhenEmpty = new(StringComparer.Ordinal)
    {
        "p", "div", "b", "i", "em", "strong", "u", "s", "small", "mark", "blockquote", "figure", "figcaption", "li", "ul", "ol",
    };

    private static readonly string[] LinkSchemes = ["http", "https", "mailto"];
    private static readonly string[] ImageSchemes = ["http", "https"];
    private static readonly string[] LazySourceAttributes = ["data-src", "data-original", "data-actualsrc", "data-lazy-src", "src"];

    public string Sanitize(string html, Uri? baseUri)
    {
        var document = HtmlDocuments.Parse(html);
        return document.Body is null ? string.Empty : SanitizeNodes([document.Body], baseUri, unwrapRoots: true).InnerHtml;
    }

    /// <summary>Copies the allowed part of <paramref name="sources"/> into a new container element, in order.</summary>
    /// <param name="unwrapRoots">Copy only the roots' children (the roots are containers like body).</param>
    internal IElement SanitizeNodes(IEnumerable<INode> sources, Uri? baseUri, bool unwrapRoots = false)
    {
        var output = HtmlDocuments.CreateEmpty();
        var container = output.Body!;
        var pending = new Stack<(INode Source, IElement Parent, int Depth)>();
        foreach (var source in sources.Reverse())
        {
            if (unwrapRoots)
            {
                PushChildren(pending, source, container, 0);
            }
            else
            {
                pending.Push((source, container, 0));
            }
        }

        while (pending.Count > 0)
        {
            var (source, parent, depth) = pending.Pop();
            switch (source)
            {
                case IText text:
                    parent.AppendChild(output.CreateTextNode(text.Data));
                    break;
                case IElement element:
                    var copy = CopyElement(element, output, baseUri, depth);
                    if (copy is not null)
                    {
                        parent.AppendChild(copy);
                    }

                    if (copy is not null || !IsDroppedWithContent(element))
                    {
                        PushChildren(pending, element, copy ?? parent, copy is null ? depth : depth + 1);
                    }

                    break;
            }
        }

        RemoveEmptyBlocks(container);
        return container;
    }

    /// <summary>
    /// Drops blocks left with nothing to show (spacer paragraphs, wrappers whose content was dropped), innermost first
    /// so a wrapper emptied by its children's removal goes too.
    /// </summary>
    private static void RemoveEmptyBlocks(IElement container)
    {
        var elements = DomWalk.Descendants(container);
        for (var i = elements.Count - 1; i >= 0; i--)
        {
            var element = elements[i];
            if (PrunedWhenEmpty.Contains(element.LocalName)
                && element.ChildNodes.All(c => c is IElement { LocalName: "br" } || (c is IText t && string.IsNullOrWhiteSpace(t.Data))))
            {
                element.Remove();
            }
        }
    }

    private static void PushChildren(Stack<(INode, IElement, int)> pending, INode source, IElement parent, int depth)
    {
        // By index: AngleSharp finds a sibling by searching the parent's child list, which is quadratic over a long list.
        var children = source.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            pending.Push((children[i], parent, depth));
        }
    }

    private static bool IsDroppedWithContent(IElement element) =>
        Dropped.Contains(element.LocalName) || HiddenContent.IsHidden(element) || element.LocalName == "img";

    /// <summary>The allowed copy of <paramref name="element"/> (without children), or null to unwrap or drop it.</summary>
    private IElement? CopyElement(IElement element, IDocument output, Uri? baseUri, int depth)
    {
        var name = element.LocalName;
        if (IsDroppedWithContent(element) && name != "img")
        {
            return null;
        }

        if (KeptAsDiv.Contains(name))
        {
            name = "div";
        }

        if (!Kept.Contains(name) || (depth >= MaxOutputDepth && name is not ("img" or "br" or "hr")))
        {
            return null;
        }

        var copy = output.CreateElement(name);
        switch (name)
        {
            case "a":
                return CopyLink(element, copy, baseUri);
            case "img":
                return CopyImage(element, copy, baseUri);
            case "td" or "th":
                CopyNumber(element, copy, "colspan");
                CopyNumber(element, copy, "rowspan");
                break;
            case "ol":
                CopyNumber(element, copy, "start");
                break;
        }

        return copy;
    }

    private IElement? CopyLink(IElement source, IElement copy, Uri? baseUri)
    {
        var raw = source.GetAttribute("href");
        if (raw is null || raw.TrimStart().StartsWith('#'))
        {
            return null;
        }

        var href = SafeUrl.Resolve(raw, baseUri, LinkSchemes);
        if (href is null)
        {
            return null;
        }

        if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            href = canonicalizer.Unwrap(absolute).AbsoluteUri;
        }

        copy.SetAttribute("href", href);
        var title = source.GetAttribute("title");
        if (!string.IsNullOrWhiteSpace(title))
        {
            copy.SetAttribute("title", title);
        }

        copy.SetAttribute("rel", "noopener noreferrer");
        return copy;
    }

    private static IElement? CopyImage(IElement source, IElement copy, Uri? baseUri)
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
            return null;
        }

        copy.SetAttribute("src", src);
        var alt = source.GetAttribute("alt");
        if (alt is not null)
        {
            copy.SetAttribute("alt", alt);
        }

        CopyNumber(source, copy, "width");
        CopyNumber(source, copy, "height");
        copy.SetAttribute("referrerpolicy", "no-referrer");
        copy.SetAttribute("loading", "lazy");
        return copy;
    }

    private static void CopyNumber(IElement source, IElement copy, string attribute)
    {
        var value = source.GetAttribute(attribute)?.Trim();
        if (!string.IsNullOrEmpty(value) && value.Length <= 6 && value.All(char.IsAsciiDigit))
        {
            copy.SetAttribute(attribute, value);
        }
    }
}
