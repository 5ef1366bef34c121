using Aggregator.Papers;

namespace Aggregator.Tests.Papers;

public sealed class PaperTitleTests
{
    [Fact]
    public void Normalize_FoldsCaseWidthPunctuationAndWhitespace()
    {
        Assert.Equal(
            PaperTitle.Normalize("Step-DPO: Step-wise Preference Optimization for Long-chain Reasoning of LLMs"),
            PaperTitle.Normalize("ＳＴＥＰ－ＤＰＯ：  step wise preference optimization, for long chain reasoning of llms."));
    }

    [Fact]
    public void Normalize_SimilarTitlesWithDifferentWords_StayDistinct()
    {
        Assert.NotEqual(
            PaperTitle.Normalize("Step-DPO: Step-wise Preference Optimization for Long-chain Reasoning of LLMs"),
            PaperTitle.Normalize("Step-Controlled DPO: Leveraging Stepwise Errors for Enhancing Mathematical Reasoning of Language Models"));
        Assert.NotEqual(PaperTitle.Normalize("Attention Is All You Need"), PaperTitle.Normalize("Attention Is Not All You Need"));
    }

    [Fact]
    public void Normalize_KeepsChineseText()
    {
        Assert.Equal("大模型对齐综述", PaperTitle.Normalize("《大模型对齐综述》"));
    }

    [Theory]
    [InlineData("GPT-4")]
    [InlineData("Introduction")]
    [InlineData("Attention Mechanisms")]
    [InlineData("Short: A B")]
    [InlineData("   ")]
    public void KeyFor_TooShortOrTooFewWords_GivesNoKey(string title)
    {
        Assert.Null(PaperTitle.KeyFor(title));
    }

    [Fact]
    public void KeyFor_PaperTitle_IsATitleKeyOfTheNormalisedText()
    {
        Assert.Equal(new PaperKey(PaperKeyKind.Title, "attentionisallyouneed"), PaperTitle.KeyFor("Attention Is All You Need"));
    }
}
