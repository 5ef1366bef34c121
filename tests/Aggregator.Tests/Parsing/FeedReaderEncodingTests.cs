using System.Text;
using Aggregator.Parsing;

namespace Aggregator.Tests.Parsing;

/// <summary>How a whole feed comes out when its bytes, its HTTP header and its declaration disagree.</summary>
public sealed class FeedReaderEncodingTests
{
    private const string Feed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>爱可可-爱生活</title>
        <item><title>【论文】长度偏置的直接偏好优化</title><link>https://example.org/1</link></item>
        <item><title>大模型的遗忘方法可以被绕过</title><description>INVALID</description><link>https://example.org/2</link></item>
        <item><title>多模态检索增强生成综述</title><link>https://example.org/3</link></item>
        </channel></rss>
        """;

    private static readonly string[] Titles = ["【论文】长度偏置的直接偏好优化", "大模型的遗忘方法可以被绕过", "多模态检索增强生成综述"];

    static FeedReaderEncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xE8, 0xAE })]
    [InlineData(new byte[] { 0xC0, 0x80 })]
    public void Read_Utf8FeedWithAnInvalidSequence_KeepsItsChineseText(byte[] invalid)
    {
        var bytes = WithBytesInPlaceOf(Encoding.UTF8.GetBytes(Feed), "INVALID", invalid);

        var feed = new FeedReader().Read(bytes, new FeedReadOptions { ContentType = "application/rss+xml; charset=utf-8" });

        Assert.Equal("utf-8", feed.Encoding);
        Assert.Equal("爱可可-爱生活", feed.Title);
        Assert.Equal(Titles, feed.Items.Select(i => i.Title));
        Assert.Contains('\uFFFD', feed.Items[1].Description ?? string.Empty);
        Assert.Contains(feed.Warnings, w => w.Contains("invalid UTF-8", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("application/rss+xml; charset=iso-8859-1")]
    [InlineData("text/xml; charset=windows-1252")]
    public void Read_Utf8FeedServedWithLatin1Charset_IsNotStoredAsMojibake(string contentType)
    {
        var feed = new FeedReader().Read(Encoding.UTF8.GetBytes(Feed), new FeedReadOptions { ContentType = contentType });

        Assert.Equal("utf-8", feed.Encoding);
        Assert.Equal(Titles, feed.Items.Select(i => i.Title));
        Assert.Contains(feed.Warnings, w => w.Contains("HTTP Content-Type charset", StringComparison.Ordinal) && w.Contains("UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_GbkFeedServedWithGbkCharset_DecodesAsGb18030WithoutWarnings()
    {
        var feed = ParsingFixtures.Read("gbk-declared.xml", new FeedReadOptions { ContentType = "application/rss+xml; charset=GBK" });

        Assert.Equal("gb18030", feed.Encoding);
        Assert.Equal("机器之心 - 论文速递", feed.Title);
        Assert.DoesNotContain(feed.Warnings, w => w.Contains("charset", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Read_GbkFeedServedAsUtf8WithGbkForcedBySourceConfig_DecodesAsGb18030()
    {
        var feed = ParsingFixtures.Read("gbk-declared.xml", new FeedReadOptions { ContentType = "application/rss+xml; charset=utf-8", ForcedEncoding = "gbk" });

        Assert.Equal("gb18030", feed.Encoding);
        Assert.Equal("机器之心 - 论文速递", feed.Title);
    }

    private static byte[] WithBytesInPlaceOf(byte[] document, string marker, byte[] replacement)
    {
        var at = document.AsSpan().IndexOf(Encoding.ASCII.GetBytes(marker));
        return [.. document[..at], .. Encoding.UTF8.GetBytes("代码"), .. replacement, .. Encoding.UTF8.GetBytes("开源"), .. document[(at + marker.Length)..]];
    }
}
