using Aggregator.Summaries;

namespace Aggregator.Tests.Summaries;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("大型语言模型经过微调拒绝涉及危险知识的问题。", "zh")]
    [InlineData("Flash STU架构在固定参数预算下始终优于Transformer以及S4和Mamba-2。", "zh")]
    [InlineData("Large language models are finetuned to refuse questions.", "en")]
    [InlineData("A team from 清华大学 released a new benchmark for long-context retrieval.", "en")]
    [InlineData("12345 !!!", "en")]
    [InlineData("", "en")]
    public void Detect_IdeographsAgainstLatinLetters(string text, string expected)
    {
        Assert.Equal(expected, LanguageDetector.Detect(text));
    }

    [Fact]
    public void Resolve_ShortText_HintDecides()
    {
        Assert.Equal("zh", LanguageDetector.Resolve("zh-CN", "GPT-5 is out"));
    }

    [Fact]
    public void Resolve_LongText_TextOverridesTheSourceHint()
    {
        var english = "Large language models are finetuned to refuse questions about hazardous knowledge, but these protections can often be bypassed.";

        Assert.Equal("en", LanguageDetector.Resolve("zh", english));
    }

    [Fact]
    public void Resolve_UnknownHint_Detects()
    {
        Assert.Equal("zh", LanguageDetector.Resolve("fr", "模型"));
    }
}
