using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Aggregator.Extraction;

/// <summary>The one way this stage turns markup into a DOM: nesting capped first, one parser per thread.</summary>
internal static class HtmlDocuments
{
    // HtmlParser keeps per-parse state, so concurrent extractions each get their own.
    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser());

    public static IHtmlDocument Parse(string html) =>
        Parser.Value!.ParseDocument(NestingLimiter.Limit(html ?? string.Empty));
}
