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
}
