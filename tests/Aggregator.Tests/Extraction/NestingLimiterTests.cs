using AngleSharp.Html.Parser;
using Aggregator.Extraction;

namespace Aggregator.Tests.Extraction;

public sealed class NestingLimiterTests
{
    [Fact]
    public void Limit_OrdinaryMarkup_ReturnedUnchanged()
    {
        const string html = "<!DOCTYPE html><html><body><!-- <div><div> --><script>if (a<b) { x = '<div>'; }</script><div class=\"a>b\"><p>x<p>y</div></body></html>";

        Assert.Same(html, NestingLimiter.Limit(html, maxDepth: 3));
    }

    [Fact]
    public void Limit_TooDeep_DropsOnlyTheExcessTagsAndKeepsAllText()
    {
        var html = string.Concat(Enumerable.Range(0, 50).Select(i => $"<div>t{i}")) + string.Concat(Enumerable.Repeat("</div>", 50));

        var limited = NestingLimiter.Limit(html, maxDepth: 10);
        var document = new HtmlParser().ParseDocument(limited);

        Assert.Equal(10, document.QuerySelectorAll("div").Length);
        Assert.Equal(string.Concat(Enumerable.Range(0, 50).Select(i => $"t{i}")), document.Body!.TextContent);
    }

    [Fact]
    public void Limit_ManyUnclosedParagraphsAndListItems_AreNotCountedAsNesting()
    {
        var html = "<ul>" + string.Concat(Enumerable.Repeat("<li><p>item", 100)) + "</ul>";

        Assert.Same(html, NestingLimiter.Limit(html, maxDepth: 5));
    }
}
