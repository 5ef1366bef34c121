using Aggregator.Publishing;

namespace Aggregator.Tests.Publishing;

/// <summary>A summary says what made it, in the summary's language.</summary>
public sealed class SummaryLinesTests
{
    [Theory]
    [InlineData("An explainer of DPO.", "extractive", "Extractive summary")]
    [InlineData("An explainer of DPO.", "llm:gpt-4o-mini", "LLM summary (gpt-4o-mini)")]
    [InlineData("An explainer of DPO.", "source", "Summary from the source")]
    [InlineData("An explainer of DPO.", "the paper's abstract", "The paper's abstract")]
    [InlineData("本文介绍了多模态大模型的新进展。", "extractive", "摘要（抽取式）")]
    [InlineData("本文介绍了 DPO 之后的七篇论文。", "llm:qwen2.5-7b", "摘要（LLM：qwen2.5-7b）")]
    [InlineData("An English summary that names 多模态 once.", "extractive", "Extractive summary")]
    public void Text_EndsWithWhatMadeTheSummaryInItsLanguage(string summary, string summarizer, string expected)
    {
        var text = SummaryLines.Text(summary, summarizer);

        Assert.Equal(summary + "\n\n" + expected, text);
        Assert.DoesNotContain("Summary by", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_EscapesTheModelName()
    {
        Assert.Equal(
            "<p>Short &amp; sweet.</p><p><small>LLM summary (&lt;model&gt;)</small></p>",
            SummaryLines.Html("Short & sweet.", "llm:<model>"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Text_WithoutASummary_IsEmpty(string? summary) =>
        Assert.Equal("", SummaryLines.Text(summary, "extractive"));

    [Theory]
    [InlineData("ICML 2024 | 多模态大模型新进展", "zh")]
    [InlineData("A blog post about DPO", "en")]
    [InlineData("Direct Preference Optimization (王五 et al.) trains a policy without a reward model", "en")]
    public void Language_IsGuessedFromTheScript(string text, string expected) =>
        Assert.Equal(expected, TextLanguage.Guess(text));
}
