using Aggregator.Extraction;
using Aggregator.Sources;

namespace Aggregator.Tests.Extraction;

public sealed class ContentExtractorTests
{
    private static readonly Uri PageUri = new("https://news.example.cn/2025/04/23/post.html");
    private readonly ContentExtractor extractor = new(new LinkCanonicalizer());

    [Fact]
    public void Extract_ShortWeiboPostAsItemContent_KeptWhole()
    {
        const string content =
            "【重新审视机器遗忘】现有遗忘方法并没有真正删除危险知识。只需少量微调就能恢复大部分能力。"
            + "<a href=\"https://weibo.cn/sinaurl?u=https%3A%2F%2Farxiv.org%2Fabs%2F2409.18025\">网页链接</a>";

        var article = extractor.Extract(content, new Uri("https://weibo.com/1402400261/PmQx7AbCd"));

        Assert.Equal("【重新审视机器遗忘】现有遗忘方法并没有真正删除危险知识。只需少量微调就能恢复大部分能力。网页链接", article.Text);
        Assert.Equal(["https://arxiv.org/abs/2409.18025"], article.Links);
    }

    [Fact]
    public void Extract_ItemContentListingOutsidePapers_KeepsEveryLink()
    {
        var items = string.Concat(Enumerable.Range(1, 12).Select(i => $"<li><a href=\"https://arxiv.org/abs/2501.{i:D5}\">Paper {i}</a></li>"));

        var article = extractor.Extract($"<p>本周论文：</p><ul>{items}</ul>", PageUri);

        Assert.Equal(12, article.Links.Count);
        Assert.Contains("Paper 12", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_ItemContentWithLabelledRecommendations_DropsLabelAndList()
    {
        const string content =
            "<p>这是正文的第一段，介绍了论文的主要贡献。</p><p>这是正文的第二段，讨论了实验结果。</p>"
            + "<p><strong>往期推荐 ▼</strong></p>"
            + "<p><a href=\"https://mp.weixin.qq.com/s/a\">旧文一：大模型的十个误区</a></p>"
            + "<p><a href=\"https://mp.weixin.qq.com/s/b\">旧文二：如何读论文</a></p>"
            + "<p><a href=\"https://mp.weixin.qq.com/s/x\"><span>阅读原文</span></a></p>";

        var article = extractor.Extract(content, PageUri);

        Assert.Equal("这是正文的第一段，介绍了论文的主要贡献。\n这是正文的第二段，讨论了实验结果。", article.Text);
        Assert.Empty(article.Links);
    }

    [Fact]
    public void Extract_SentenceMentioningALabel_IsNotBoilerplate()
    {
        var article = extractor.Extract("<p>作者在文末给出了推荐阅读的论文清单，供大家参考。</p>", PageUri);

        Assert.Equal("作者在文末给出了推荐阅读的论文清单，供大家参考。", article.Text);
    }

    [Fact]
    public void Extract_PageWithInternalHeadlineList_DropsTheList()
    {
        var headlines = string.Concat(Enumerable.Range(1, 10).Select(i => $"<li><a href=\"/s/{i}\">本站第{i}条热门新闻标题，点击查看详情</a></li>"));
        var html = $"<html><body><div class=\"col\"><ul>{headlines}</ul></div>"
            + "<div class=\"col\"><p>正文第一段，讲述了一个完整的故事，包含足够多的文字和标点，用来通过评分。</p>"
            + "<p>正文第二段，继续讲述故事的发展，同样包含足够多的文字和标点。</p></div></body></html>";

        var article = extractor.Extract(html, PageUri);

        Assert.DoesNotContain("热门新闻", article.Text, StringComparison.Ordinal);
        Assert.Contains("正文第二段", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_ContentSelector_OverridesScoring()
    {
        const string html = "<html><body><div id=\"long\"><p>A very long paragraph, with commas, that scoring would prefer, by far, over the other one.</p></div>"
            + "<div id=\"chosen\"><p>Short chosen text.</p></div></body></html>";

        var article = extractor.Extract(html, PageUri, new PageSelectors { Content = "#chosen" });

        Assert.Equal("Short chosen text.", article.Text);
    }

    [Fact]
    public void Extract_RemoveSelectors_AppliedBeforeExtraction()
    {
        const string html = "<p>Keep this sentence.</p><div class=\"promo\"><p>Buy our course now.</p></div>";

        var article = extractor.Extract(html, PageUri, new PageSelectors { Remove = [".promo"] });

        Assert.Equal("Keep this sentence.", article.Text);
    }

    [Fact]
    public void Extract_InvalidSelector_ThrowsNamingTheSetting()
    {
        var exception = Assert.Throws<ArgumentException>(() => extractor.Extract("<p>x</p>", PageUri, new PageSelectors { Content = "div[[" }));

        Assert.Contains("PageSelectors.Content", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_OneHundredThousandNestedDivs_ReturnsTheTextWithoutOverflowingTheStack()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "deep paragraph text at the bottom, with commas, enough to score."
            + string.Concat(Enumerable.Repeat("</div>", 100_000)) + "</body></html>";

        var article = extractor.Extract(html, PageUri);

        Assert.Equal("deep paragraph text at the bottom, with commas, enough to score.", article.Text);
    }

    [Fact]
    public void Extract_WeChatArticleHiddenUntilScriptRuns_IsShown()
    {
        const string html = "<html><body><div id=\"js_content\" class=\"rich_media_content\" style=\"visibility: hidden;\">"
            + "<p>微信正文在脚本运行前是隐藏的，但它就是文章本身，必须保留。</p></div></body></html>";

        var article = extractor.Extract(html, PageUri);

        Assert.Equal("微信正文在脚本运行前是隐藏的，但它就是文章本身，必须保留。", article.Text);
    }

    [Fact]
    public void Extract_Text_OneLinePerBlockWithWhitespaceCollapsed()
    {
        var article = extractor.Extract("<h2>Heading</h2><p>First   line\n  continues<br>after break</p><ul><li>one</li><li>two</li></ul><pre>a  b\n  c</pre>", PageUri);

        Assert.Equal("Heading\nFirst line continues\nafter break\none\ntwo\na  b\nc", article.Text);
    }

    [Fact]
    public void Extract_Links_AbsoluteUnwrappedDistinctInDocumentOrder()
    {
        const string content = "<p><a href=\"/b\">b</a> <a href=\"https://link.zhihu.com/?target=https%3A%2F%2Fexample.org%2Fa\">a</a> <a href=\"/b\">b again</a> <a href=\"mailto:x@example.org\">mail</a></p>";

        var article = extractor.Extract(content, PageUri);

        Assert.Equal(["https://news.example.cn/b", "https://example.org/a"], article.Links);
    }

    [Theory]
    [InlineData("<html><head><title>【论文笔记】DPO 原理_xiaoming_ai的博客-CSDN博客</title></head><body></body></html>", "【论文笔记】DPO 原理")]
    [InlineData("<html><head><title>What DPO Actually Optimises – The Gradient Notebook</title></head><body></body></html>", "What DPO Actually Optimises")]
    [InlineData("<html><head><meta property=\"og:title\" content=\"OG wins\"><title>Other</title></head><body><h1>H1</h1></body></html>", "OG wins")]
    [InlineData("<html><head><title>Title tag</title></head><body><h1>  Heading\n one </h1></body></html>", "Heading one")]
    [InlineData("<html><head><title>ICLR 2025 | 大模型为何会“举一反三”？</title></head><body></body></html>", "ICLR 2025 | 大模型为何会“举一反三”？")]
    public void Extract_Title_FromOgTitleH1OrTitleWithoutSiteName(string html, string expected)
    {
        Assert.Equal(expected, extractor.Extract(html, PageUri).Title);
    }

    [Fact]
    public void Extract_BaseElement_ResolvesRelativeLinks()
    {
        const string html = "<html><head><base href=\"https://cdn.example.org/docs/\"></head><body><p>See <a href=\"guide.html\">the guide</a>, which explains everything in detail, with examples.</p></body></html>";

        var article = extractor.Extract(html, PageUri);

        Assert.Equal(["https://cdn.example.org/docs/guide.html"], article.Links);
    }

    [Theory]
    [InlineData("<div id=\"pcCommentBox\">")]
    [InlineData("<div class=\"related-posts\">")]
    [InlineData("<section class=\"post-share sharing\">")]
    [InlineData("<aside>")]
    [InlineData("<div class=\"site-header\">")]
    public void Extract_PageChromeByTagOrClassWords_Removed(string openTag)
    {
        var closeTag = "</" + openTag[1..openTag.IndexOfAny([' ', '>'])] + ">";
        var html = "<html><body><article><p>The article paragraph, long enough to score, with commas, and a full stop.</p>"
            + "<p>A second paragraph of the article, also long enough, with commas, to be kept.</p></article>"
            + openTag + string.Concat(Enumerable.Repeat("<p>Chrome text that must not leak, though it outscores the article, with commas, many, many, commas.</p>", 4))
            + closeTag + "</body></html>";

        var article = extractor.Extract(html, PageUri);

        Assert.DoesNotContain("Chrome text", article.Text, StringComparison.Ordinal);
        Assert.Contains("second paragraph", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_WrapperNamedLikeChromeAroundTheArticle_IsKept()
    {
        const string html = "<html><body><div class=\"layout-with-sidebar\"><main><p>Main text of the page, long enough to score, with commas, kept.</p></main></div></body></html>";

        var article = extractor.Extract(html, PageUri);

        Assert.Equal("Main text of the page, long enough to score, with commas, kept.", article.Text);
    }
}
