using System.Text;
using Aggregator.Parsing;

namespace Aggregator.Tests.Parsing;

public sealed class FeedReaderRecoveryTests
{
    [Fact]
    public void Read_StrayAmpersandAndHtmlEntities_RecoversTextAndWarns()
    {
        var feed = ParsingFixtures.ReadXml("""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Q&A &mdash; weekly&nbsp;digest</title>
            <item><title>R&D at AT&T</title><link>https://example.org/?a=1&b=2</link></item>
            </channel></rss>
            """);

        Assert.Equal("Q&A — weekly digest", feed.Title);
        Assert.Equal("R&D at AT&T", feed.Items[0].Title);
        Assert.Equal("https://example.org/?a=1&b=2", feed.Items[0].Link);
        Assert.Contains(feed.Warnings, w => w.Contains("not well-formed", StringComparison.Ordinal));
        Assert.Contains(feed.Warnings, w => w.Contains("stray '&'", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_EntityInsideCdata_IsLeftAlone()
    {
        var feed = ParsingFixtures.ReadXml("""
            <rss version="2.0"><channel><title>a &nbsp; b</title>
            <item><description><![CDATA[x &nbsp; & y]]></description></item></channel></rss>
            """);

        Assert.Equal("x &nbsp; & y", feed.Items[0].Description);
    }

    [Fact]
    public void Read_BomAndWhitespaceBeforeDeclaration_AreSkipped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("\r\n  <?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>ok</title></channel></rss>")).ToArray();

        var feed = new FeedReader().Read(bytes);

        Assert.Equal("ok", feed.Title);
        Assert.Equal("utf-8", feed.Encoding);
    }

    [Fact]
    public void Read_JunkBeforeTheXml_IsSkippedWithWarning()
    {
        var feed = ParsingFixtures.ReadXml("Warning: session_start() failed in /var/www/feed.php\n<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>ok</title></channel></rss>");

        Assert.Equal("ok", feed.Title);
        Assert.Contains(feed.Warnings, w => w.Contains("junk", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_TruncatedDocument_KeepsTheItemsBeforeTheBreak()
    {
        var feed = ParsingFixtures.ReadXml("""
            <rss version="2.0"><channel><title>cut</title>
            <item><title>one</title></item>
            <item><title>two</title></item>
            <item><title>thr
            """);

        Assert.Equal(["one", "two"], feed.Items.Select(i => i.Title));
        Assert.Contains(feed.Warnings, w => w.Contains("Reading stopped", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_UnescapedHtmlWithUnclosedBr_KeepsEveryItem()
    {
        var feed = ParsingFixtures.ReadXml("""
            <rss version="2.0"><channel><title>t</title>
            <item><title>one</title><description>line<br>next <img src="https://example.org/a.png"> end</description></item>
            <item><title>two</title></item>
            </channel></rss>
            """);

        Assert.Equal(["one", "two"], feed.Items.Select(i => i.Title));
        Assert.Equal("line<br />next <img src=\"https://example.org/a.png\" /> end", feed.Items[0].Description);
    }

    [Theory]
    [InlineData('\u0001')]
    [InlineData('\u0008')]
    [InlineData('\u000B')]
    [InlineData('\u000C')]
    [InlineData('\u001F')]
    [InlineData('\u0000')]
    public void Read_ItemWithRawControlCharacter_KeepsThatItemAndTheRest(char control)
    {
        var feed = ParsingFixtures.ReadXml($"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>爱可可-爱生活</title>
            <item><title>one</title><link>https://example.org/1</link></item>
            <item><title>two{control}</title><description>大模型{control}论文</description><link>https://example.org/2</link></item>
            <item><title>three</title><link>https://example.org/3</link></item>
            </channel></rss>
            """);

        Assert.Equal(["one", "two", "three"], feed.Items.Select(i => i.Title));
        Assert.DoesNotContain(control, feed.Items[1].Description ?? string.Empty);
        Assert.Contains(feed.Warnings, w => w.Contains("control character", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_RawControlCharactersInCdataAndAttributes_AreRemovedThereToo()
    {
        var feed = ParsingFixtures.ReadXml($"""
            <rss version="2.0"><channel><title>t</title>
            <item><title>one</title><description><![CDATA[<p>代码{'\u0001'}已开源</p>]]></description><guid isPermaLink="false">id{'\u0002'}1</guid></item>
            <item><title>two</title></item>
            </channel></rss>
            """);

        Assert.Equal(["one", "two"], feed.Items.Select(i => i.Title));
        Assert.Equal("<p>代码已开源</p>", feed.Items[0].Description);
        Assert.Equal("id1", feed.Items[0].Id);
    }

    [Fact]
    public void Read_VerticalTabBetweenWords_BecomesASpace()
    {
        // Word writes a manual line break as U+000B; pasted into a CMS it reaches the feed between two words.
        var feed = ParsingFixtures.ReadXml("<rss version=\"2.0\"><channel><title>t</title><item><title>Direct\u000BPreference Optimization</title></item></channel></rss>");

        Assert.Equal("Direct Preference Optimization", feed.Items[0].Title);
    }

    [Fact]
    public void Read_UndeclaredNamespacePrefix_IsDeclaredAndRead()
    {
        var feed = ParsingFixtures.ReadXml("""
            <rss version="2.0"><channel><title>t</title>
            <item><dc:creator>Wei Liu</dc:creator><content:encoded><![CDATA[<p>full</p>]]></content:encoded></item></channel></rss>
            """);

        Assert.Equal(["Wei Liu"], feed.Items[0].Authors);
        Assert.Equal("<p>full</p>", feed.Items[0].Content);
    }

    [Fact]
    public void Read_WrongDeclaredCharset_FallsBackToUtf8WithWarning()
    {
        var feed = ParsingFixtures.ReadXml("<?xml version=\"1.0\" encoding=\"us-ascii\"?><rss version=\"2.0\"><channel><title>大模型论文</title></channel></rss>");

        Assert.Equal("大模型论文", feed.Title);
        Assert.Equal("utf-8", feed.Encoding);
        Assert.Contains(feed.Warnings, w => w.Contains("does not fit", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n")]
    [InlineData("this is not a feed at all")]
    [InlineData("<html><head><title>Login</title></head><body>Please sign in</body></html>")]
    [InlineData("<opml version=\"1.0\"><body/></opml>")]
    public void Read_NotAFeed_ThrowsFeedParseExceptionWithReason(string document)
    {
        var error = Assert.Throws<FeedParseException>(() => ParsingFixtures.ReadXml(document));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Read_EmptyBody_ThrowsFeedParseExceptionSayingItIsEmpty(int blanks)
    {
        var error = Assert.Throws<FeedParseException>(() => new FeedReader().Read(Encoding.UTF8.GetBytes(new string(' ', blanks)), new FeedReadOptions { ContentType = "application/rss+xml" }));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/html; charset=utf-8")]
    [InlineData("application/rss+xml")]
    public void Read_HtmlPageServedAsFeed_ThrowsFeedParseExceptionSayingItIsHtml(string contentType)
    {
        // What a login wall or an error page of a moved feed looks like: HTML5, unclosed tags, a script full of '<' and '&&'.
        const string page = """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>登录 - 微博</title>
            <link rel="stylesheet" href="/css/main.css">
            <script>if (a < b && b > c) { location.href = "/login?r=1&from=feed"; }</script>
            </head><body><div class="login"><p>请先登录<br>Please sign in<p>&copy; 2025</div></body></html>
            """;

        var error = Assert.Throws<FeedParseException>(() => new FeedReader().Read(Encoding.UTF8.GetBytes(page), new FeedReadOptions { ContentType = contentType }));

        Assert.Contains("HTML page", error.Message, StringComparison.Ordinal);
    }
}
