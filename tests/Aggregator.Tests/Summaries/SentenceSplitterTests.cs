using Aggregator.Summaries;

namespace Aggregator.Tests.Summaries;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void Split_ChineseTerminators_EachEndsASentence()
    {
        var sentences = SentenceSplitter.Split("我们提出了新方法。效果如何？非常好！但仍有局限；需要更多实验。");

        Assert.Equal(["我们提出了新方法。", "效果如何？", "非常好！", "但仍有局限；", "需要更多实验。"], sentences);
    }

    [Fact]
    public void Split_ClosingQuoteAfterTerminator_StaysWithTheSentence()
    {
        var sentences = SentenceSplitter.Split("他说：“这很重要。”随后离开了。「真的吗？」她问。（见附录。）结束。");

        Assert.Equal(["他说：“这很重要。”", "随后离开了。", "「真的吗？」", "她问。", "（见附录。）", "结束。"], sentences);
    }

    [Fact]
    public void Split_ChineseEllipsis_EndsTheSentenceOnce()
    {
        var sentences = SentenceSplitter.Split("结果出乎意料……下一步怎么办？");

        Assert.Equal(["结果出乎意料……", "下一步怎么办？"], sentences);
    }

    [Fact]
    public void Split_English_SplitsAtPeriodQuestionAndExclamation()
    {
        var sentences = SentenceSplitter.Split("We propose a method. Does it work? It does! The end.");

        Assert.Equal(["We propose a method.", "Does it work?", "It does!", "The end."], sentences);
    }

    [Theory]
    [InlineData("Models such as GPT-4, e.g. the largest ones, refuse. Next sentence.")]
    [InlineData("Smaller models, i.e. those under 1B, forget. Next sentence.")]
    [InlineData("Following Jin et al. we analyse forgetting. Next sentence.")]
    [InlineData("As shown in Fig. 3 the loss falls. Next sentence.")]
    [InlineData("Flash STU vs. Mamba-2 on language modeling. Next sentence.")]
    [InlineData("Accuracy rose from 3.5 to 4.25 points overall. Next sentence.")]
    [InlineData("See arXiv:2406.05946 for the details of the proof. Next sentence.")]
    [InlineData("We release version v2.1 of the benchmark today. Next sentence.")]
    [InlineData("Code is at https://github.com/ovo67/Uni_ICL?tab=readme.md today. Next sentence.")]
    [InlineData("Write to jakub.lucki@inf.ethz.ch for access to the data. Next sentence.")]
    [InlineData("Authors: Y. Isabel Liu and E. Hazan wrote the model. Next sentence.")]
    public void Split_DotsThatDoNotEndASentence_KeptInside(string text)
    {
        var sentences = SentenceSplitter.Split(text);

        Assert.Equal(2, sentences.Count);
        Assert.Equal("Next sentence.", sentences[1]);
    }

    [Fact]
    public void Split_UrlAtSentenceEnd_PeriodStillEndsTheSentence()
    {
        var sentences = SentenceSplitter.Split("Project page: https://inklab.usc.edu/lm-forgetting-prediction/. We also release code.");

        Assert.Equal(["Project page: https://inklab.usc.edu/lm-forgetting-prediction/.", "We also release code."], sentences);
    }

    [Fact]
    public void Split_EnglishEllipsis_SplitsOnlyBeforeACapital()
    {
        Assert.Equal(["It works...", "Mostly."], SentenceSplitter.Split("It works... Mostly."));
        Assert.Single(SentenceSplitter.Split("It works... mostly, anyway."));
    }

    [Fact]
    public void Split_MixedChineseAndEnglish_SplitsBoth()
    {
        var sentences = SentenceSplitter.Split("Flash STU 优于 Transformer。It scales to billions of parameters. 代码已开源!欢迎试用。");

        Assert.Equal(["Flash STU 优于 Transformer。", "It scales to billions of parameters.", "代码已开源!", "欢迎试用。"], sentences);
    }

    [Fact]
    public void Split_ListLines_EachLineIsASentence()
    {
        var sentences = SentenceSplitter.Split("Key Takeaways\n- 模型会拒绝危险问题\n- 遗忘方法并不稳健\n点此查看论文截图");

        Assert.Equal(["Key Takeaways", "- 模型会拒绝危险问题", "- 遗忘方法并不稳健", "点此查看论文截图"], sentences);
    }

    [Fact]
    public void Split_HardWrappedEnglishSentence_NotSplitAtTheLineBreak()
    {
        var sentences = SentenceSplitter.Split("Large language models are finetuned to refuse\nquestions about hazardous knowledge. They fail.");

        Assert.Equal(["Large language models are finetuned to refuse\nquestions about hazardous knowledge.", "They fail."], sentences);
    }

    [Fact]
    public void Split_LowerCaseAfterPeriod_NotANewSentence()
    {
        Assert.Single(SentenceSplitter.Split("The model (approx. seven billion parameters) is small."));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n ")]
    [InlineData(null)]
    public void Split_NoText_NoSentences(string? text)
    {
        Assert.Empty(SentenceSplitter.Split(text));
    }

    [Fact]
    public void Split_NoTerminator_WholeTextIsOneSentence()
    {
        Assert.Equal(["转发微博"], SentenceSplitter.Split("  转发微博  "));
    }
}
