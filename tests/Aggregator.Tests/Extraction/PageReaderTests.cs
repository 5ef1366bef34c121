using Aggregator.Extraction;
using Aggregator.Parsing;
using Aggregator.Sources;

namespace Aggregator.Tests.Extraction;

public sealed class PageReaderTests
{
    private static readonly Uri ListUri = new("https://lab.example.cn/blog/index.html");
    private static readonly PageSelectors ListSelectors = new() { Item = ".post-item", Link = ".post-title a", Date = ".post-date" };
    private readonly PageReader reader;

    public PageReaderTests()
    {
        var canonicalizer = new LinkCanonicalizer();
        reader = new PageReader(new ContentExtractor(canonicalizer), canonicalizer);
    }

    [Fact]
    public void Read_ListPage_OneItemPerMatchedElementWithLinkTitleAndDate()
    {
        var feed = reader.Read(Fixture("list-page.html"), ListUri, ListSelectors);

        Assert.Equal(FeedType.Html, feed.Type);
        Assert.Equal("每日论文速递 - 某实验室博客", feed.Title);
        Assert.Equal(3, feed.Items.Count);
        var first = feed.Items[0];
        Assert.Equal("https://lab.example.cn/daily/2025-04-13.html#top", first.Link);
        Assert.Equal("https://lab.example.cn/daily/2025-04-13.html", first.Id);
        Assert.Equal("2025-04-13 更新：机器遗忘与对抗视角", first.Title);
        Assert.Equal(new DateTimeOffset(2025, 4, 13, 0, 0, 0, TimeSpan.FromHours(8)), first.PublishingDate);
    }

    [Fact]
    public void Read_ListPage_UnwrapsRedirectorsAndCanonicalisesIds()
    {
        var items = reader.Read(Fixture("list-page.html"), ListUri, ListSelectors).Items;

        Assert.Equal("https://arxiv.org/abs/2409.10489", items[1].Link);
        Assert.Equal(new DateTimeOffset(2025, 4, 12, 21, 5, 0, TimeSpan.FromHours(8)), items[1].PublishingDate);
        Assert.Equal("https://lab.example.cn/blog/daily/2025-04-11.html?utm_source=rss&from=timeline", items[2].Link);
        Assert.Equal("https://lab.example.cn/blog/daily/2025-04-11.html", items[2].Id);
        Assert.Equal("2025-04-11 更新： 长上下文检索", items[2].Title);
    }

    [Fact]
    public void Read_ListPageItemWithoutDateMatch_FallsBackToTimeElement()
    {
        var items = reader.Read(Fixture("list-page.html"), ListUri, ListSelectors).Items;

        Assert.Equal(new DateTimeOffset(2025, 4, 11, 8, 0, 0, TimeSpan.Zero), items[2].PublishingDate);
    }

    [Fact]
    public void Read_ListPageItemWithoutLink_SkippedWithAWarning()
    {
        var feed = reader.Read(Fixture("list-page.html"), ListUri, ListSelectors);

        Assert.DoesNotContain(feed.Items, i => i.Title == "没有链接的草稿");
        Assert.Contains(feed.Warnings, w => w.Contains("no usable link", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ItemSelectorMatchingNothing_EmptyFeedWithAWarning()
    {
        var feed = reader.Read(Fixture("list-page.html"), ListUri, new PageSelectors { Item = ".nothing-here" });

        Assert.Empty(feed.Items);
        Assert.Single(feed.Warnings);
    }

    [Fact]
    public void Read_ListPageWithDefaultSelectors_UsesFirstLinkAndItsText()
    {
        var feed = reader.Read(Fixture("list-page.html"), ListUri, new PageSelectors { Item = ".post-item" });

        Assert.Equal("2025-04-13 更新：机器遗忘与对抗视角", feed.Items[0].Title);
        Assert.Equal("Flash STU: Fast Spectral Transform Units", feed.Items[1].Title);
    }

    [Fact]
    public void Read_ArticlePage_IsOneItemWithExtractedContent()
    {
        var pageUri = new Uri("http://mp.weixin.qq.com/s?__biz=MzIwMTc4ODE0Mw==&mid=2247712345&idx=1&sn=0a1b2c3d4e5f60718293a4b5c6d7e8f9&chksm=96ea1234&scene=21");

        var feed = reader.Read(Fixture("wechat-article.html"), pageUri, selectors: null);

        var item = Assert.Single(feed.Items);
        Assert.Equal(pageUri.AbsoluteUri, item.Link);
        Assert.Equal("https://mp.weixin.qq.com/s?__biz=MzIwMTc4ODE0Mw==&mid=2247712345&idx=1&sn=0a1b2c3d4e5f60718293a4b5c6d7e8f9", item.Id);
        Assert.Equal("ICLR 2025 | 大模型为何会“举一反三”？揭开「上下文学习」的小样本学习密码", item.Title);
        Assert.Contains("https://openreview.net/pdf?id=iLUcsecZJp", item.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("动态列表", item.Content, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2025, 8, 21, 13, 37, 0, TimeSpan.FromHours(8)), item.PublishingDate);
    }

    [Fact]
    public void Read_ArticlePageWithPublishedTimeMeta_UsesIt()
    {
        var feed = reader.Read(Fixture("english-blog.html"), new Uri("https://notebook.example.org/2025/03/14/what-dpo-actually-optimises/"));

        var item = Assert.Single(feed.Items);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 9, 30, 0, TimeSpan.Zero), item.PublishingDate);
        Assert.Equal(["Dana Example"], item.Authors);
        Assert.Equal("en-US", feed.Language);
    }

    [Fact]
    public void Read_RelativePageUri_Rejected()
    {
        Assert.Throws<ArgumentException>(() => reader.Read("<p>x</p>", new Uri("/relative", UriKind.Relative)));
    }

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Extraction", "testdata", name));
}
