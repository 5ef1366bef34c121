using Aggregator.Papers;

namespace Aggregator.Tests.Papers;

public sealed class TitleHeuristicsTests
{
    [Theory]
    [InlineData("## 13. Step-DPO: Step-wise Preference Optimization", "Step-DPO: Step-wise Preference Optimization")]
    [InlineData("3、【ICML 2024】KTO: Model Alignment as Prospect Theoretic Optimization", "KTO: Model Alignment as Prospect Theoretic Optimization")]
    [InlineData("[12] Attention Is All You Need", "Attention Is All You Need")]
    [InlineData("Learning Transferable Visual Models From Natural Language Supervision（CLIP）", "Learning Transferable Visual Models From Natural Language Supervision")]
    [InlineData("Deep Residual Learning for Image Recognition — ResNet，残差连接", "Deep Residual Learning for Image Recognition")]
    [InlineData("SimPO: Simple Preference Optimization (NeurIPS 2024)", "SimPO: Simple Preference Optimization")]
    [InlineData("#论文推荐# **Self-Rewarding Language Models**", "Self-Rewarding Language Models")]
    [InlineData("《Attention Is All You Need》", "Attention Is All You Need")]
    public void Clean_NumberingTagsAndAnnotations_AreTakenOff(string line, string title)
    {
        Assert.Equal(title, TitleHeuristics.Clean(line));
    }

    [Theory]
    [InlineData("Step-DPO: Step-wise Preference Optimization for Long-chain Reasoning of LLMs")]
    [InlineData("alpha-DPO: Adaptive Reward Margin is What Direct Preference Optimization Needs")]
    [InlineData("Why In-Context Learning Models are Good Few-Shot Learners?")]
    [InlineData("RLAIF vs. RLHF: Scaling Reinforcement Learning from Human Feedback with AI Feedback")]
    [InlineData("Iterative DPO with An Improvement Model for Fine-tuning Diffusion Models")]
    public void IsStrictTitle_PaperTitles_Pass(string title)
    {
        Assert.True(TitleHeuristics.IsStrictTitle(title));
    }

    [Theory]
    [InlineData("Introduction")]
    [InlineData("Related Work")]
    [InlineData("Key Takeaways")]
    [InlineData("We propose a new method. It works well")]
    [InlineData("Off topic, but the AdS/CFT classic arXiv:hep-th/9711200 came up at lunch")]
    [InlineData("Training language models to follow instructions with human feedback")]
    [InlineData("Chain-of-Agents: OPPO推出通用智能体模型新范式，多榜单SOTA")]
    [InlineData("See https://arxiv.org/abs/2406.18629 For Details")]
    [InlineData("The results are shown below.")]
    public void IsStrictTitle_SentencesNamesAndChinese_Fail(string text)
    {
        Assert.False(TitleHeuristics.IsStrictTitle(text));
    }

    [Fact]
    public void IsPlainTitle_SentenceCaseTitle_PassesOnlyThePlainCheck()
    {
        const string Title = "Training language models to follow instructions with human feedback";

        Assert.True(TitleHeuristics.IsPlainTitle(Title));
        Assert.False(TitleHeuristics.IsStrictTitle(Title));
    }
}
