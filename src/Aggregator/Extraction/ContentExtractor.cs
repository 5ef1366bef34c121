using AngleSharp.Dom;
using Aggregator.Sources;

namespace Aggregator.Extraction;

/// <summary>
/// Keeps an article's body. A whole page loses its chrome (navigation, sidebars, comments, headline lists) and the
/// best-scoring block is kept; an item's content (a fragment, not a page) is kept whole except labelled boilerplate,
/// so a two-sentence post is never eaten. Per-source selectors override both.
/// </summary>
public sealed class ContentExtractor(ILinkCanonicalizer canonicalizer) : IContentExtractor
{
    private readonly HtmlSanitizer sanitizer = new(canonicalizer);

    public ExtractedArticle Extract(string html, Uri? baseUri, PageSelectors? selectors = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        var document = HtmlDocuments.Parse(html);
        var body = document.Body;
        if (body is null)
        {
            return new ExtractedArticle { Html = string.Empty, Text = string.Empty };
        }

        var isPage = LooksLikePage(html);
        var title = isPage ? TitleFinder.Find(document) : null;
        baseUri = DocumentBase(document, baseUri);

        // WeChat hides the article until its script runs; that text is the article, not hidden content.
        foreach (var element in DomWalk.Descendants(body))
        {
            if (element.Id == "js_content" || element.ClassList.Contains("rich_media_content"))
            {
                element.RemoveAttribute("style");
            }
        }

        foreach (var selector in selectors?.Remove ?? [])
        {
            foreach (var element in Select(body, selector, nameof(PageSelectors.Remove)))
            {
                element.Remove();
            }
        }

        PageChrome.RemoveNeverContent(body);
        BoilerplateLabels.Remove(body);
        var content = ContentRoots(body, baseUri, selectors, isPage);
        var unwrap = content.Count == 1 && ReferenceEquals(content[0], body);
        var output = sanitizer.SanitizeNodes(content, baseUri, unwrapRoots: unwrap);
        return new ExtractedArticle { Html = output.Html, Text = output.Text, Title = title, Links = output.Links };
    }

    private static IReadOnlyList<IElement> ContentRoots(IElement body, Uri? baseUri, PageSelectors? selectors, bool isPage)
    {
        if (selectors?.Content is { Length: > 0 } contentSelector)
        {
            var chosen = Select(body, contentSelector, nameof(PageSelectors.Content));
            if (chosen.Count > 0)
            {
                return chosen;
            }
        }

        if (!isPage)
        {
            return [body];
        }

        PageChrome.RemoveChrome(body, baseUri);
        return ContentScorer.SelectContent(body);
    }

    private static List<IElement> Select(IElement root, string selector, string setting)
    {
        try
        {
            return [.. root.QuerySelectorAll(selector)];
        }
        catch (DomException exception)
        {
            throw new ArgumentException($"PageSelectors.{setting} '{selector}' is not a valid CSS selector: {exception.Message}", nameof(selector), exception);
        }
    }

    /// <summary>A whole page declares itself (doctype, html, head or body tag); an item's content does not.</summary>
    internal static bool LooksLikePage(string html)
    {
        var head = html.AsSpan(0, Math.Min(html.Length, 4096));
        return head.Contains("<html", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<!doctype", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<head", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<body", StringComparison.OrdinalIgnoreCase);
    }

    private static Uri? DocumentBase(IDocument document, Uri? baseUri)
    {
        var declared = document.QuerySelector("base[href]")?.GetAttribute("href");
        if (string.IsNullOrWhiteSpace(declared))
        {
            return baseUri;
        }

        return baseUri is { IsAbsoluteUri: true } && Uri.TryCreate(baseUri, declared.Trim(), out var resolved) ? resolved
            : Uri.TryCreate(declared.Trim(), UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? absolute
            : baseUri;
    }
}
