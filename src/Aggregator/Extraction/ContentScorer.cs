using AngleSharp.Dom;

namespace Aggregator.Extraction;

/// <summary>
/// Readability's main-content heuristic: paragraphs score by length and clause punctuation (CJK included), discounted
/// by their own link density; each score flows to the paragraph's ancestors; the best ancestor, discounted by its link
/// density, is the article, joined by those siblings that look like more of it.
/// </summary>
internal static class ContentScorer
{
    private const int MinParagraphChars = 25;
    private const int AncestorLevels = 5;

    private static readonly HashSet<string> ParagraphElements = new(StringComparer.Ordinal) { "p", "pre", "td", "blockquote", "li" };
    private static readonly HashSet<string> ContainerElements = new(StringComparer.Ordinal) { "div", "section", "article", "main" };

    private static readonly string[] PositiveWords = ["article", "body", "content", "entry", "main", "page", "post", "text", "blog", "story", "rich_media"];
    private static readonly string[] NegativeWords = ["comment", "meta", "footer", "footnote", "related", "share", "sidebar", "widget", "tag", "promo"];

    /// <summary>The element(s) holding the article, in document order; the body itself when nothing scores.</summary>
    public static IReadOnlyList<IElement> SelectContent(IElement body)
    {
        var statistics = TextStatistics.Of(body);
        var scores = new Dictionary<IElement, double>(ReferenceEqualityComparer.Instance);
        var earned = new Dictionary<IElement, double>(ReferenceEqualityComparer.Instance);
        foreach (var element in DomWalk.Descendants(body))
        {
            if (!IsParagraph(element, statistics))
            {
                continue;
            }

            var measure = statistics[element];
            if (measure.Chars < MinParagraphChars)
            {
                continue;
            }

            var score = (1 + measure.Punctuation + Math.Min(measure.Chars / 100.0, 3)) * (1 - measure.LinkDensity);
            var level = 0;
            for (var ancestor = element.ParentElement; ancestor is not null && level < AncestorLevels; ancestor = ancestor.ParentElement, level++)
            {
                if (!scores.TryGetValue(ancestor, out var current))
                {
                    current = InitialScore(ancestor);
                }

                var divider = level switch { 0 => 1.0, 1 => 2.0, _ => level * 3.0 };
                scores[ancestor] = current + (score / divider);
                earned[ancestor] = earned.GetValueOrDefault(ancestor) + (score / divider);
                if (ReferenceEquals(ancestor, body))
                {
                    break;
                }
            }
        }

        if (scores.Count == 0)
        {
            return [body];
        }

        var ranked = scores
            .Select(pair => (Element: pair.Key, Score: pair.Value * (1 - statistics[pair.Key].LinkDensity)))
            .OrderByDescending(c => c.Score)
            .ToList();
        var top = PreferSharedAncestor(ranked, body);
        return WithSiblings(top.Element, earned, statistics, body);
    }

    private static bool IsParagraph(IElement element, TextStatistics statistics) =>
        ParagraphElements.Contains(element.LocalName)
        || (ContainerElements.Contains(element.LocalName) && !statistics[element].HasBlockChild);

    private static double InitialScore(IElement element)
    {
        var score = element.LocalName switch
        {
            "div" or "section" or "article" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        var names = $"{element.GetAttribute("class")} {element.GetAttribute("id")}".ToLowerInvariant();
        if (PositiveWords.Any(w => names.Contains(w, StringComparison.Ordinal)))
        {
            score += 25;
        }

        if (NegativeWords.Any(w => names.Contains(w, StringComparison.Ordinal)))
        {
            score -= 25;
        }

        return score;
    }

    /// <summary>
    /// When an article is split into several sections, each may outscore the whole; if three of the best five
    /// candidates sit in one ancestor of the top one, that ancestor is the article.
    /// </summary>
    private static (IElement Element, double Score) PreferSharedAncestor(List<(IElement Element, double Score)> ranked, IElement body)
    {
        var top = ranked[0];
        // Candidates in the top one's own ancestor chain say nothing about a split article.
        var close = ranked.Skip(1).Take(4)
            .Where(c => c.Score >= top.Score * 0.75 && !DomWalk.IsInside(top.Element, c.Element) && !DomWalk.IsInside(c.Element, top.Element))
            .Select(c => c.Element)
            .ToList();
        if (close.Count >= 2)
        {
            for (var ancestor = top.Element.ParentElement; ancestor is not null && !ReferenceEquals(ancestor, body.ParentElement); ancestor = ancestor.ParentElement)
            {
                if (close.Count(c => DomWalk.IsInside(c, ancestor)) >= 2)
                {
                    return (ancestor, Math.Max(top.Score, ranked.FirstOrDefault(c => ReferenceEquals(c.Element, ancestor)).Score));
                }
            }
        }

        // An only child adds nothing around it: its parent is the same block with the page's framing.
        var element = top.Element;
        while (element.ParentElement is { } parent && !ReferenceEquals(element, body) && parent.Children.Length == 1 && !ReferenceEquals(parent, body))
        {
            element = parent;
        }

        return (element, top.Score);
    }

    /// <summary>
    /// The top element and those siblings that earned a fifth of its paragraph score (class names earn nothing here:
    /// "article-header-box" beside the article is not more of it), or read like paragraphs of it.
    /// </summary>
    private static List<IElement> WithSiblings(IElement top, Dictionary<IElement, double> earned, TextStatistics statistics, IElement body)
    {
        if (ReferenceEquals(top, body) || top.ParentElement is not { } parent)
        {
            return [top];
        }

        double Earned(IElement element) => earned.GetValueOrDefault(element) * (1 - statistics[element].LinkDensity);
        var threshold = Math.Max(10, Earned(top) * 0.2);
        var selected = new List<IElement>();
        foreach (var sibling in parent.Children)
        {
            var measure = statistics[sibling];
            var include = ReferenceEquals(sibling, top)
                || Earned(sibling) >= threshold
                || (IsParagraph(sibling, statistics) && measure.Chars > 80 && measure.LinkDensity < 0.25)
                || (IsParagraph(sibling, statistics) && measure.Chars > 0 && measure.LinkDensity == 0 && EndsSentence(sibling.TextContent.Trim()));
            if (include)
            {
                selected.Add(sibling);
            }
        }

        return selected;
    }

    private static bool EndsSentence(string text) => text.Length > 0 && text[^1] is '.' or '。' or '!' or '！' or '?' or '？';
}
