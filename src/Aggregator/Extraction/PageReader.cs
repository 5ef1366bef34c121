using AngleSharp.Dom;
using Aggregator.Parsing;
using Aggregator.Sources;

namespace Aggregator.Extraction;

/// <summary>
/// Reads an HTML page as a feed. With <see cref="PageSelectors.Item"/> each matched element is an item (a list page);
/// without it the page itself is the one item, its content the extracted article.
/// </summary>
public sealed class PageReader(IContentExtractor extractor, ILinkCanonicalizer canonicalizer)
{
    private const string PublishedDateSelectors =
        "meta[property='article:published_time'], meta[name='article:published_time'], meta[property='og:published_time'], "
        + "meta[name='publishdate'], meta[name='pubdate'], meta[itemprop='datePublished'], time[datetime], #publish_time";

    public Feed Read(string html, Uri pageUri, PageSelectors? selectors = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(pageUri);
        if (!pageUri.IsAbsoluteUri)
        {
            throw new ArgumentException($"The page URI '{pageUri}' must be absolute to resolve the page's links.", nameof(pageUri));
        }

        var document = HtmlDocuments.Parse(html);
        // The feed is the page: its title as the site wrote it (an article item gets the extracted title).
        var title = string.Join(' ', (document.Title ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var warnings = new List<string>();
        var items = selectors?.Item is { Length: > 0 } itemSelector
            ? ReadList(document, pageUri, selectors, itemSelector, warnings)
            : [ReadArticle(html, document, pageUri, selectors)];
        return new Feed
        {
            Type = FeedType.Html,
            Title = title.Length > 0 ? title : null,
            Link = pageUri.AbsoluteUri,
            Description = document.QuerySelector("meta[name='description'], meta[property='og:description']")?.GetAttribute("content"),
            Language = document.DocumentElement.GetAttribute("lang"),
            Items = items,
            Warnings = warnings,
        };
    }

    private FeedItem ReadArticle(string html, IDocument document, Uri pageUri, PageSelectors? selectors)
    {
        var article = extractor.Extract(html, pageUri, selectors);
        var dateElement = (selectors?.Date is { Length: > 0 } dateSelector ? SelectOne(document, dateSelector, nameof(PageSelectors.Date)) : null)
            ?? document.QuerySelector(PublishedDateSelectors);
        return new FeedItem
        {
            Id = canonicalizer.Canonicalize(pageUri).AbsoluteUri,
            Link = pageUri.AbsoluteUri,
            Title = article.Title,
            Content = article.Html,
            PublishingDate = DateOf(dateElement),
            Authors = document.QuerySelector("meta[name='author']")?.GetAttribute("content") is { Length: > 0 } author ? [author.Trim()] : [],
        };
    }

    private List<FeedItem> ReadList(IDocument document, Uri pageUri, PageSelectors selectors, string itemSelector, List<string> warnings)
    {
        var items = new List<FeedItem>();
        var elements = SelectAll(document, itemSelector, nameof(PageSelectors.Item));
        if (elements.Count == 0)
        {
            warnings.Add($"PageSelectors.Item '{itemSelector}' matched nothing on {pageUri}.");
        }

        foreach (var element in elements)
        {
            var linkElement = selectors.Link is { Length: > 0 } linkSelector
                ? SelectOne(element, linkSelector, nameof(PageSelectors.Link))
                : element.Matches("a[href]") ? element : element.QuerySelector("a[href]");
            var link = AbsoluteLink(linkElement?.GetAttribute("href"), pageUri);
            if (link is null)
            {
                warnings.Add($"An item on {pageUri} has no usable link and was skipped.");
                continue;
            }

            var titleElement = selectors.Title is { Length: > 0 } titleSelector
                ? SelectOne(element, titleSelector, nameof(PageSelectors.Title))
                : linkElement;
            var dateElement = (selectors.Date is { Length: > 0 } dateSelector ? SelectOne(element, dateSelector, nameof(PageSelectors.Date)) : null)
                ?? element.QuerySelector("time[datetime], time");
            items.Add(new FeedItem
            {
                Id = canonicalizer.Canonicalize(link).AbsoluteUri,
                Link = link.AbsoluteUri,
                Title = Collapse(titleElement?.TextContent) is { Length: > 0 } title ? title : link.AbsoluteUri,
                Description = element.InnerHtml,
                PublishingDate = DateOf(dateElement),
            });
        }

        return items;
    }

    private Uri? AbsoluteLink(string? href, Uri pageUri)
    {
        var resolved = SafeUrl.Resolve(href, pageUri, ["http", "https"]);
        return resolved is not null && Uri.TryCreate(resolved, UriKind.Absolute, out var absolute)
            ? canonicalizer.Unwrap(absolute)
            : null;
    }

    private static DateTimeOffset? DateOf(IElement? element) =>
        element is null
            ? null
            : PageDateParser.Parse(element.GetAttribute("datetime") ?? element.GetAttribute("content"))
              ?? PageDateParser.Parse(Collapse(element.TextContent));

    private static string Collapse(string? text) =>
        text is null ? string.Empty : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static IElement? SelectOne(IParentNode root, string selector, string setting) =>
        SelectAll(root, selector, setting).FirstOrDefault();

    private static List<IElement> SelectAll(IParentNode root, string selector, string setting)
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
}
