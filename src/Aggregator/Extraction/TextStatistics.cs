using AngleSharp.Dom;

namespace Aggregator.Extraction;

/// <summary>
/// Per-element text measures, computed in one bottom-up pass: visible characters (whitespace not counted, so CJK
/// and Latin text compare fairly), characters inside links, and clause punctuation (commas and full stops, CJK too).
/// </summary>
internal sealed class TextStatistics
{
    private static readonly HashSet<string> BlockElements = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "fieldset", "figure", "footer",
        "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
        "table", "ul", "tr", "td", "th",
    };

    private readonly Dictionary<IElement, Measure> measures = new(ReferenceEqualityComparer.Instance);

    private TextStatistics()
    {
    }

    /// <summary>Measures <paramref name="root"/> (when an element) and every element below it.</summary>
    public static TextStatistics Of(INode root)
    {
        var statistics = new TextStatistics();
        var elements = DomWalk.Descendants(root);
        if (root is IElement rootElement)
        {
            elements.Insert(0, rootElement);
        }

        for (var i = elements.Count - 1; i >= 0; i--)
        {
            var element = elements[i];
            var own = statistics.measures.GetValueOrDefault(element);
            foreach (var child in element.ChildNodes)
            {
                if (child is IText text)
                {
                    own = own.Add(Count(text.Data));
                }
            }

            if (element.LocalName == "a")
            {
                own = own with { LinkChars = own.Chars };
            }

            statistics.measures[element] = own;
            if (i > 0 && element.ParentElement is { } parent)
            {
                var parentMeasure = statistics.measures.GetValueOrDefault(parent).Add(own);
                if (BlockElements.Contains(element.LocalName))
                {
                    parentMeasure = parentMeasure with { HasBlockChild = true };
                }

                statistics.measures[parent] = parentMeasure;
            }
        }

        return statistics;
    }

    public static bool IsBlock(IElement element) => BlockElements.Contains(element.LocalName);

    public Measure this[IElement element] => measures.GetValueOrDefault(element);

    private static Measure Count(string text)
    {
        var chars = 0;
        var punctuation = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                chars++;
            }

            if (c is ',' or '，' or '、' or '。' or ';' or '；')
            {
                punctuation++;
            }
        }

        return new Measure(chars, 0, punctuation, false);
    }

    internal readonly record struct Measure(int Chars, int LinkChars, int Punctuation, bool HasBlockChild)
    {
        public double LinkDensity => Chars == 0 ? 0 : (double)LinkChars / Chars;

        public Measure Add(Measure other) =>
            new(Chars + other.Chars, LinkChars + other.LinkChars, Punctuation + other.Punctuation, HasBlockChild);
    }
}
