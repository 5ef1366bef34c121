using Aggregator.Testing.Metadata;

namespace Aggregator.Tests.Enrichment;

/// <summary>Real papers as arXiv and OpenReview describe them (titles, authors, categories as published).</summary>
internal static class MetadataSamples
{
    public const string DpoTitle = "Direct Preference Optimization: Your Language Model is Secretly a Reward Model";

    public static readonly FakeArxivPaper Dpo = new(
        "2305.18290",
        DpoTitle,
        ["Rafael Rafailov", "Archit Sharma", "Eric Mitchell", "Stefano Ermon", "Christopher D. Manning", "Chelsea Finn"],
        "While large-scale unsupervised language models (LMs) learn broad world knowledge and some reasoning skills, achieving precise control of their behavior is difficult due to the completely unsupervised nature of their training.",
        "cs.LG",
        Version: 3,
        Published: new DateTimeOffset(2023, 5, 29, 17, 57, 46, TimeSpan.Zero));

    public static readonly FakeArxivPaper Kto = new(
        "2402.01306",
        "KTO: Model Alignment as Prospect Theoretic Optimization",
        ["Kawin Ethayarajh", "Winnie Xu", "Niklas Muennighoff", "Dan Jurafsky", "Douwe Kiela"],
        PrimaryCategory: "cs.LG",
        Version: 4);

    public static readonly FakeArxivPaper BetaVae = new(
        "1804.03599",
        "Understanding disentangling in beta-VAE",
        ["Christopher P. Burgess", "Irina Higgins", "Arka Pal"],
        PrimaryCategory: "stat.ML");

    public static readonly FakeArxivPaper SpeechAttention = new(
        "2010.13154",
        "Attention is All You Need in Speech Separation",
        ["Cem Subakan", "Mirco Ravanelli", "Samuele Cornell", "Mirko Bronzi", "Jianyuan Zhong"],
        PrimaryCategory: "eess.AS");

    public static FakeArxivPaper Numbered(int i) => new(
        $"2401.{10000 + i:D5}",
        $"A Numbered Study of Preference Optimisation, Part {i}",
        [$"Author {i}"]);

    public static readonly FakeOpenReviewNote StepDpoNote = new(
        "H5FUVj0vMd",
        "Step-DPO: Step-wise Preference Optimization for Long-chain Reasoning of LLMs",
        ["Xin Lai", "Zhuotao Tian", "Yukang Chen", "Senqiao Yang", "Xiangru Peng", "Jiaya Jia"],
        "Mathematical reasoning presents a significant challenge for Large Language Models.");
}
