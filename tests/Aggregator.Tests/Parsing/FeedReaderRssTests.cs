using Aggregator.Parsing;

namespace Aggregator.Tests.Parsing;

public sealed class FeedReaderRssTests
{
    [Fact]
    public void Read_WeiboViaRssHub_KeepsCdataHtmlAndWrappedArxivLinks()
    {
        var feed = ParsingFixtures.Read("weibo-rsshub.xml");

        Assert.Equal(FeedType.Rss_2_0, feed.Type);
        Assert.Equal("爱可可-爱生活的微博", feed.Title);
        Assert.Equal("https://weibo.com/1402400261/", feed.Link);
        Assert.Equal("zh-cn", feed.Language);
        Assert.Equal(5, feed.TimeToLive);
        Assert.StartsWith("https://tvax1.sinaimg.cn/", feed.ImageUrl);
        Assert.Equal(2, feed.Items.Count);
        var first = feed.Items[0];
        Assert.Equal("https://weibo.com/1402400261/PnB2Xk1aZ", first.Id);
        Assert.Equal("https://weibo.com/1402400261/PnB2Xk1aZ", first.Link);
        Assert.Contains("https://weibo.cn/sinaurl?u=https%3A%2F%2Farxiv.org%2Fabs%2F2409.18025", first.Description);
        Assert.Contains("<img style=\"\" src=\"https://tvax3.sinaimg.cn/", first.Description);
        Assert.Equal(["爱可可-爱生活"], first.Authors);
        Assert.Equal(new DateTimeOffset(2025, 4, 23, 5, 11, 17, TimeSpan.Zero), first.PublishingDate);
        Assert.Empty(feed.Warnings);
    }

    [Fact]
    public void Read_TitleWithMarkupAndEntities_IsOneLineOfPlainText()
    {
        var feed = ParsingFixtures.Read("weibo-rsshub.xml");

        Assert.Equal("【DPO 的长度偏置从何而来】《Length Desensitization in Directed Preference Optimization》 W Liu...", feed.Items[1].Title);
    }

    [Fact]
    public void Read_ChineseFeedZonelessDate_IsBeijingTime()
    {
        var feed = ParsingFixtures.Read("weibo-rsshub.xml");

        Assert.Equal(new DateTimeOffset(2025, 4, 23, 13, 2, 40, TimeSpan.FromHours(8)), feed.Items[1].PublishingDate);
    }

    [Fact]
    public void Read_GbkDeclaredFeed_DecodesAsGb18030AndRecoversHtmlEntity()
    {
        var feed = ParsingFixtures.Read("gbk-declared.xml");

        Assert.Equal("gb18030", feed.Encoding);
        Assert.Equal("机器之心 - 论文速递", feed.Title);
        Assert.Equal("每日精选人工智能论文解读\u00A0·\u00A0机器之心", feed.Description);
        Assert.Contains(feed.Warnings, w => w.Contains("HTML entities", StringComparison.Ordinal));
        var first = feed.Items[0];
        Assert.Equal("ICLR 2025 | 直接偏好优化（DPO）的长度偏置与解决方法", first.Title);
        Assert.Contains("<a href=\"https://openreview.net/forum?id=Cuwjd2DgRN\">", first.Description);
        Assert.Equal(["机器之心编辑部"], first.Authors);
        Assert.Equal(["大模型", "强化学习"], first.Categories);
        Assert.Equal(new DateTimeOffset(2025, 4, 23, 13, 11, 0, TimeSpan.FromHours(8)), first.PublishingDate);
        Assert.Equal(new DateTimeOffset(2025, 4, 22, 9, 30, 0, TimeSpan.FromHours(8)), feed.Items[1].PublishingDate);
    }

    [Fact]
    public void Read_GuidPermaLinkWithoutLink_UsesGuidAsLink()
    {
        var feed = ParsingFixtures.ReadXml("""
            <rss version="2.0"><channel><title>t</title>
            <item><guid>https://example.org/post/1</guid></item>
            <item><guid isPermaLink="false">https://example.org/post/2</guid></item>
            </channel></rss>
            """);

        Assert.Equal("https://example.org/post/1", feed.Items[0].Link);
        Assert.Null(feed.Items[1].Link);
        Assert.Equal("https://example.org/post/2", feed.Items[1].Id);
    }

    [Fact]
    public void Read_RelativeLinksWithDocumentUrl_ResolvesThemIncludingInsideContent()
    {
        var feed = ParsingFixtures.ReadXml("""
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title><link>/</link>
            <item><link>/p/1</link><content:encoded><![CDATA[<a href="/pdf/1.pdf">pdf</a> <img src='img.png'>]]></content:encoded>
            <enclosure url="/a.mp3" type="audio/mpeg" length="42"/></item>
            </channel></rss>
            """, new FeedReadOptions { BaseUri = new Uri("https://blog.example.org/feeds/rss.xml") });

        Assert.Equal("https://blog.example.org/", feed.Link);
        var item = feed.Items[0];
        Assert.Equal("https://blog.example.org/p/1", item.Link);
        Assert.Equal("<a href=\"https://blog.example.org/pdf/1.pdf\">pdf</a> <img src='https://blog.example.org/feeds/img.png'>", item.Content);
        Assert.Equal([new FeedEnclosure("https://blog.example.org/a.mp3", "audio/mpeg", 42)], item.Enclosures);
    }

    [Fact]
    public void Read_SeveralDcCreators_KeepsAllAuthorsInFeedparserForm()
    {
        var feed = ParsingFixtures.ReadXml("""
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title>
            <item><dc:creator>First Author</dc:creator><dc:creator>Second Author</dc:creator><author>me@example.com (Example editor)</author></item>
            </channel></rss>
            """);

        Assert.Equal(["First Author", "Second Author", "Example editor (me@example.com)"], feed.Items[0].Authors);
    }
}
