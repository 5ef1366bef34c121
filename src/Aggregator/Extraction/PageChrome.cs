using AngleSharp.Dom;

namespace Aggregator.Extraction;

/// <summary>
/// The parts of a page around an article: navigation, sidebars, comments, share bars, "related" boxes, and long
/// lists of the site's own headlines. Only whole pages get this treatment; an item's content is kept as published.
/// </summary>
internal static class PageChrome
{
    private static readonly HashSet<string> NeverContent = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "iframe", "form", "button", "input", "select", "textarea", "object",
        "embed", "svg", "canvas", "link", "meta", "dialog",
    };

    private static readonly HashSet<string> ChromeElements = new(StringComparer.Ordinal) { "nav", "header", "footer", "aside", "menu" };

    // Class or id words that always mean "not the article" (whole words of the attribute, split at - _ and spaces).
    private static readonly HashSet<string> StrongChromeWords = new(StringComparer.Ordinal)
    {
        "nav", "navbar", "navigation", "menu", "footer", "sidebar", "aside", "comment", "comments", "related", "recommend",
        "recommended", "recommendation", "breadcrumb", "breadcrumbs", "advert", "advertisement", "ads", "ad", "sponsor",
        "sponsored", "cookie", "cookies", "popup", "modal", "disqus", "share", "sharing",
    };

    // Words that mean "not the article" unless the same attribute also says it is content ("post-toolbar" goes,
    // "content-header" stays).
    private static readonly HashSet<string> WeakChromeWords = new(StringComparer.Ordinal)
    {
        "header", "masthead", "banner", "widget", "widgets", "toolbar", "tool", "tools", "social", "subscribe",
        "newsletter", "pagination", "pager", "copyright", "login", "signup", "extra", "qrcode", "profile",
    };

    private static readonly HashSet<string> ContentWords = new(StringComparer.Ordinal)
    {
        "article", "content", "main", "body", "entry", "post", "text", "story",
    };

    // Markers of the article body that chrome removal must never take away with a wrapper.
    private const string ArticleMarkers =
        "main, [itemprop=articleBody], [role=main], #js_content, .rich_media_content, #content_views, .article-content, .post-content, .entry-content";

    /// <summary>Elements that never carry readable content, removed from fragments and pages alike.</summary>
    public static void RemoveNeverContent(IElement root)
    {
        foreach (var element in DomWalk.Descendants(root))
        {
            if (NeverContent.Contains(element.LocalName) && element.Parent is not null)
            {
                element.Remove();
            }
        }
    }

    public static void RemoveChrome(IElement body, Uri? baseUri)
    {
        var statistics = TextStatistics.Of(body);
        var protectedElements = ProtectedElements(body, statistics);
        foreach (var element in DomWalk.Descendants(body))
        {
            if (element.Parent is null || !DomWalk.IsInside(element, body) || protectedElements.Contains(element))
            {
                continue;
            }

            if (ChromeElements.Contains(element.LocalName) || IsChromeByName(element) || IsHeadlineList(element, statistics, baseUri))
            {
                element.Remove();
            }
        }
    }

    /// <summary>The article markers and their ancestors: chrome removal must not take them out.</summary>
    private static HashSet<IElement> ProtectedElements(IElement body, TextStatistics statistics)
    {
        var markers = body.QuerySelectorAll(ArticleMarkers).ToList();
        var longestArticle = body.QuerySelectorAll("article").MaxBy(a => statistics[a].Chars);
        if (longestArticle is not null)
        {
            markers.Add(longestArticle);
        }

        var result = new HashSet<IElement>(ReferenceEqualityComparer.Instance);
        foreach (var marker in markers)
        {
            for (var element = marker; element is not null && result.Add(element); element = element.ParentElement)
            {
            }
        }

        return result;
    }

    private static bool IsChromeByName(IElement element)
    {
        var words = WordsOf($"{element.GetAttribute("class")} {element.GetAttribute("id")}");
        if (words.Length == 0)
        {
            return false;
        }

        if (words.Any(StrongChromeWords.Contains))
        {
            return true;
        }

        return words.Any(WeakChromeWords.Contains) && !words.Any(ContentWords.Contains);
    }

    /// <summary>Words of class and id values: split at spaces, '-' and '_', and between camelCase humps.</summary>
    internal static string[] WordsOf(string names)
    {
        var spaced = new System.Text.StringBuilder(names.Length + 8);
        for (var i = 0; i < names.Length; i++)
        {
            var c = names[i];
            if (char.IsUpper(c) && i > 0 && char.IsLower(names[i - 1]))
            {
                spaced.Append(' ');
            }

            spaced.Append(c is '-' or '_' ? ' ' : char.ToLowerInvariant(c));
        }

        return spaced.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>
    /// A list of at least eight items that is nearly all link text pointing within the site: the "latest posts" column
    /// in front of an article. Lists of outside links (a digest's papers) are content and stay.
    /// </summary>
    private static bool IsHeadlineList(IElement element, TextStatistics statistics, Uri? baseUri)
    {
        if (element.LocalName is not ("ul" or "ol") || element.Children.Count(c => c.LocalName == "li") < 8
            || statistics[element].LinkDensity < 0.8)
        {
            return false;
        }

        var links = element.QuerySelectorAll("a").ToList();
        var internalLinks = links.Count(a => IsInternal(a.GetAttribute("href"), baseUri));
        return links.Count > 0 && internalLinks >= 0.8 * links.Count;
    }

    private static bool IsInternal(string? href, Uri? baseUri)
    {
        if (string.IsNullOrWhiteSpace(href) || href.TrimStart().StartsWith('#') || href.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!Uri.TryCreate(href.Trim(), UriKind.Absolute, out var absolute) || absolute.IsFile)
        {
            return true; // relative
        }

        return baseUri is { IsAbsoluteUri: true } && SiteOf(absolute.Host) == SiteOf(baseUri.Host);
    }

    private static string SiteOf(string host)
    {
        host = host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }
}
