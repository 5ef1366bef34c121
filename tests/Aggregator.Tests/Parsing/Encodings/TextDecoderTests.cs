using System.Text;
using Aggregator.Parsing.Encodings;

namespace Aggregator.Tests.Parsing.Encodings;

public sealed class TextDecoderTests
{
    private const string Chinese = "<p>本文提出一种新的直接偏好优化方法，在多个大模型基准上取得了显著的提升，我们的代码已经开源。</p>";

    static TextDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData("gbk", "gb18030")]
    [InlineData("GB2312", "gb18030")]
    [InlineData("gb18030", "gb18030")]
    [InlineData("big5", "big5")]
    public void Decode_HeaderCharset_IsUsedAndNamedLikeFeedparser(string label, string expectedName)
    {
        var text = label == "big5" ? "<p>本文提出一種新的方法，我們的程式碼已經開源。</p>" : Chinese;
        var bytes = Encoding.GetEncoding(label == "big5" ? 950 : 936).GetBytes(text);

        var decoded = TextDecoder.Decode(bytes, $"text/html; charset={label}", kind: DocumentKind.Html);

        Assert.Equal(expectedName, decoded.EncodingName);
        Assert.Equal(text, decoded.Text);
    }

    [Fact]
    public void Decode_HtmlMetaCharset_IsFoundInTheFirstBytes()
    {
        var bytes = Encoding.GetEncoding(936).GetBytes($"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>{Chinese}</body></html>");

        var decoded = TextDecoder.Decode(bytes, "text/html", kind: DocumentKind.Html);

        Assert.Equal("gb18030", decoded.EncodingName);
        Assert.Contains(Chinese, decoded.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(936, "gb18030", Chinese)]
    [InlineData(950, "big5", "<p>本文提出一種新的直接偏好優化方法，在多個大模型基準上取得了顯著的提升，我們的代碼已經開源。</p>")]
    [InlineData(932, "shift_jis", "<p>本論文では新しい手法を提案し、複数のベンチマークで大幅な改善を示した。コードは公開されている。</p>")]
    [InlineData(949, "euc-kr", "<p>이 논문은 새로운 방법을 제안하고 여러 벤치마크에서 큰 향상을 보였다. 코드는 공개되어 있다.</p>")]
    [InlineData(1252, "windows-1252", "<p>Café déjà vu – the “naïve” approach’s résumé.</p>")]
    public void Decode_UndeclaredLegacyBytes_AreGuessed(int codePage, string expectedName, string text)
    {
        var decoded = TextDecoder.Decode(Encoding.GetEncoding(codePage).GetBytes(text), null, kind: DocumentKind.Html);

        Assert.Equal(expectedName, decoded.EncodingName);
        Assert.Equal(text, decoded.Text);
        Assert.NotEmpty(decoded.Warnings);
    }

    [Fact]
    public void Decode_DeclaredCharsetThatDoesNotFit_FallsBackWithWarning()
    {
        var bytes = Encoding.UTF8.GetBytes(Chinese);

        var decoded = TextDecoder.Decode(bytes, "text/html; charset=big5", kind: DocumentKind.Html);

        Assert.Equal("utf-8", decoded.EncodingName);
        Assert.Equal(Chinese, decoded.Text);
        Assert.Contains(decoded.Warnings, w => w.Contains("big5", StringComparison.Ordinal));
    }

    [Fact]
    public void Decode_ForcedEncoding_OutranksEverything()
    {
        var bytes = Encoding.GetEncoding(936).GetBytes($"<?xml version=\"1.0\" encoding=\"utf-8\"?><t>{Chinese}</t>");

        var decoded = TextDecoder.Decode(bytes, "application/xml; charset=utf-8", forcedEncoding: "gbk");

        Assert.Equal("gb18030", decoded.EncodingName);
        Assert.Contains(Chinese, decoded.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/xml", "us-ascii")]
    [InlineData("application/xml", "iso-8859-1")]
    [InlineData("application/rss+xml; charset=\"windows-1252\"", "windows-1252")]
    public void Decode_XmlMediaTypes_FollowRfc3023(string contentType, string expectedName)
    {
        var bytes = Encoding.ASCII.GetBytes("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss/>");

        Assert.Equal(expectedName, TextDecoder.Decode(bytes, contentType).EncodingName);
    }

    [Fact]
    public void Decode_Utf16WithoutBom_IsRecognisedFromTheXmlDeclaration()
    {
        var bytes = Encoding.BigEndianUnicode.GetBytes("<?xml version=\"1.0\" encoding=\"utf-16\"?><rss/>");

        var decoded = TextDecoder.Decode(bytes, null);

        Assert.Equal("utf-16be", decoded.EncodingName);
        Assert.StartsWith("<?xml", decoded.Text, StringComparison.Ordinal);
    }
}
