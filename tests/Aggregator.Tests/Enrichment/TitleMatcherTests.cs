using Aggregator.Enrichment;

namespace Aggregator.Tests.Enrichment;

public sealed class TitleMatcherTests
{
    [Theory]
    [InlineData("Understanding Disentangling in β-VAE", "Understanding disentangling in beta-VAE")]
    [InlineData("ＬＬａＭＡ：Open and Efficient Foundation Language Models", "LLaMA: Open and Efficient Foundation Language Models")]
    [InlineData("Attention   is all you need!", "Attention Is All You Need")]
    [InlineData("alpha-DPO: Adaptive Reward Margin is What Direct Preference Optimization Needs", "α-DPO: Adaptive Reward Margin is What Direct Preference Optimization Needs")]
    [InlineData("Direct Preference Optimisation: Your Language Model is Secretly a Reward Model", "Direct Preference Optimization: Your Language Model is Secretly a Reward Model")]
    [InlineData("Statistical Rejection Sampling Improve Preference Optimization", "Statistical Rejection Sampling Improves Preference Optimization")]
    public void Matches_SameTitleWrittenDifferently_IsAMatch(string post, string canonical) =>
        Assert.True(TitleMatcher.Matches(post, canonical));

    [Theory]
    [InlineData("Step-DPO: Step-wise Preference Optimization for Long-chain Reasoning of LLMs", "Step-Controlled DPO: Leveraging Stepwise Error for Enhanced Mathematical Reasoning")]
    [InlineData("Self-Rewarding Language Models", "Meta-Rewarding Language Models")]
    [InlineData("Attention Is All You Need", "Attention Is Not All You Need")]
    [InlineData("Attention Is All You Need", "Attention is All You Need in Speech Separation")]
    [InlineData("LoRA: Weight-Decomposed Low-Rank Adaptation of Models", "DoRA: Weight-Decomposed Low-Rank Adaptation of Models")]
    [InlineData("Llama 2: Open Foundation and Fine-Tuned Chat Models", "Llama 3: Open Foundation and Fine-Tuned Chat Models")]
    [InlineData("Token-level Direct Preference Optimization", "Direct Preference Optimization")]
    [InlineData("Mask-DPO: Generalizable Fine-grained Factuality Alignment of LLMs", "MIA-DPO: Generalizable Fine-grained Factuality Alignment of LLMs")]
    public void Matches_SimilarButDistinctTitles_AreRefused(string post, string canonical) =>
        Assert.False(TitleMatcher.Matches(post, canonical));

    [Fact]
    public void Matches_ShortTitles_MustBeExact() =>
        Assert.False(TitleMatcher.Matches("GPT-4 Technical Report", "GPT-4o Technical Report"));

    [Fact]
    public void SearchPhrase_KeepsWordsOnlySoNoQueryOperatorSurvives() =>
        Assert.Equal("beta vae ti or understanding", TitleMatcher.SearchPhrase("β-VAE\" ti:\" OR (understanding)"));
}
