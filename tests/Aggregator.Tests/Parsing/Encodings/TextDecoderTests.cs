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

    [Theory]
    [InlineData(null)]
    [InlineData("text/html; charset=utf-8")]
    public void Decode_Utf8WithOneInvalidByte_DecodesAsUtf8WithReplacementAndWarns(string? contentType)
    {
        var bytes = Utf8WithInvalidByte(Chinese, 0xFF);

        var decoded = TextDecoder.Decode(bytes, contentType, kind: DocumentKind.Html);

        Assert.Equal("utf-8", decoded.EncodingName);
        Assert.Equal(Chinese.Insert(Chinese.Length / 2, "\uFFFD"), decoded.Text);
        Assert.Contains(decoded.Warnings, w => w.Contains("invalid UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public void Decode_Utf8DeclaredInXmlWithTruncatedCharacter_DecodesAsUtf8WithReplacement()
    {
        // A CMS that cut a string by bytes leaves the first byte or two of a three-byte character behind.
        var head = Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"utf-8\"?><t>{Chinese}");
        var bytes = head.Concat(Encoding.UTF8.GetBytes("论")[..2]).Concat(Encoding.UTF8.GetBytes($"{Chinese}</t>")).ToArray();

        var decoded = TextDecoder.Decode(bytes, "application/rss+xml");

        Assert.Equal("utf-8", decoded.EncodingName);
        Assert.Contains(Chinese + "\uFFFD" + Chinese, decoded.Text, StringComparison.Ordinal);
        Assert.Contains(decoded.Warnings, w => w.Contains("invalid UTF-8", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("text/html; charset=iso-8859-1")]
    [InlineData("text/html; charset=ISO-8859-1")]
    [InlineData("text/html; charset=windows-1252")]
    [InlineData("text/html; charset=us-ascii")]
    public void Decode_Utf8BodyUnderSingleByteHeaderCharset_DecodesAsUtf8AndWarns(string contentType)
    {
        var bytes = Encoding.UTF8.GetBytes(Chinese);

        var decoded = TextDecoder.Decode(bytes, contentType, kind: DocumentKind.Html);

        Assert.Equal("utf-8", decoded.EncodingName);
        Assert.Equal(Chinese, decoded.Text);
        Assert.Contains(decoded.Warnings, w => w.Contains(ContentTypeHeaderCharset(contentType), StringComparison.Ordinal) && w.Contains("UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public void Decode_Utf8XmlUnderLatin1HeaderAndDeclaration_DecodesAsUtf8()
    {
        const string text = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss><title>Café — naïve résumé</title></rss>";

        var decoded = TextDecoder.Decode(Encoding.UTF8.GetBytes(text), "application/rss+xml; charset=iso-8859-1");

        Assert.Equal("utf-8", decoded.EncodingName);
        Assert.Equal(text, decoded.Text);
    }

    [Fact]
    public void Decode_Latin1BodyUnderLatin1Header_StaysLatin1()
    {
        const string text = "<p>Café déjà vu – the “naïve” approach’s résumé.</p>";

        var decoded = TextDecoder.Decode(Encoding.GetEncoding(1252).GetBytes(text), "text/html; charset=iso-8859-1", kind: DocumentKind.Html);

        Assert.Equal("iso-8859-1", decoded.EncodingName);
        Assert.Equal(text, decoded.Text);
        Assert.Empty(decoded.Warnings);
    }

    [Theory]
    [InlineData("application/rss+xml; charset=gbk", "gbk")]
    [InlineData("application/rss+xml", "gbk")]
    [InlineData("application/rss+xml; charset=gb2312", "gb2312")]
    [InlineData(null, "GB18030")]
    public void Decode_GbkDocumentDeclaredCorrectly_DecodesAsGb18030(string? contentType, string declared)
    {
        var text = $"<?xml version=\"1.0\" encoding=\"{declared}\"?><rss><title>{Chinese}</title></rss>";

        var decoded = TextDecoder.Decode(Encoding.GetEncoding(936).GetBytes(text), contentType);

        Assert.Equal("gb18030", decoded.EncodingName);
        Assert.Equal(text, decoded.Text);
        Assert.Empty(decoded.Warnings);
    }

    [Fact]
    public void Decode_ForcedLatin1OverValidUtf8_StillWins()
    {
        var bytes = Encoding.UTF8.GetBytes("<p>Café</p>");

        var decoded = TextDecoder.Decode(bytes, "text/html; charset=utf-8", forcedEncoding: "iso-8859-1", kind: DocumentKind.Html);

        Assert.Equal("iso-8859-1", decoded.EncodingName);
        Assert.Equal("<p>CafÃ©</p>", decoded.Text);
    }

    [Theory]
    [InlineData(936)]
    [InlineData(950)]
    [InlineData(1252)]
    public void Decode_LegacyBytesWithAFewUtf8LookalikeSequences_AreNotTakenForDamagedUtf8(int codePage)
    {
        // Legacy double-byte text forms a valid UTF-8 sequence here and there by chance; that must not make it UTF-8.
        var text = codePage switch
        {
            936 => string.Concat(Enumerable.Repeat(Chinese, 4)),
            950 => string.Concat(Enumerable.Repeat("<p>本文提出一種新的直接偏好優化方法，在多個大模型基準上取得了顯著的提升，我們的代碼已經開源。</p>", 4)),
            _ => "<p>Ã© is what “café” looks like when it is read wrongly — déjà vu.</p>",
        };

        var decoded = TextDecoder.Decode(Encoding.GetEncoding(codePage).GetBytes(text), null, kind: DocumentKind.Html);

        Assert.NotEqual("utf-8", decoded.EncodingName);
        Assert.Equal(text, decoded.Text);
    }

    private static byte[] Utf8WithInvalidByte(string text, byte invalid)
    {
        var middle = Encoding.UTF8.GetByteCount(text[..(text.Length / 2)]);
        var bytes = Encoding.UTF8.GetBytes(text);
        return [.. bytes[..middle], invalid, .. bytes[middle..]];
    }

    private static string ContentTypeHeaderCharset(string contentType) => contentType[(contentType.IndexOf('=', StringComparison.Ordinal) + 1)..];
}
