using Aggregator.Papers;

namespace Aggregator.Tests.Papers;

/// <summary>The identification rules, one per test, on small posts written for the rule.</summary>
public sealed class PaperIdentifierTests
{
    private const string StepDpo = "Step-DPO: Step-wise Preference Optimization for Long-chain Reasoning of LLMs";
    private const string StepControlled = "Step-Controlled DPO: Leveraging Stepwise Errors for Enhancing Mathematical Reasoning of Language Models";

    private readonly PaperIdentifier _identifier = new();

    [Fact]
    public void Identify_WrappedArxivLinkWithVersion_KeysByVersionlessIdAndKeepsVersion()
    {
        var mention = Assert.Single(Identify("<p>论文：<a href=\"https://weibo.cn/sinaurl?u=https%3A%2F%2Farxiv.org%2Fpdf%2F2406.18629v2\">网页链接</a></p>"));

        Assert.Equal("2406.18629", mention.ArxivId);
        Assert.Equal(2, mention.ArxivVersion);
        Assert.Equal([new PaperKey(PaperKeyKind.Arxiv, "2406.18629")], mention.Keys);
        Assert.Equal(["https://arxiv.org/pdf/2406.18629v2"], mention.Links);
    }

    [Fact]
    public void Identify_TitleLabelAndIdLink_GiveOneMentionWithBothKeysStrongestFirst()
    {
        var mention = Assert.Single(Identify($"<p>今天介绍一篇新论文。</p><p>论文标题：{StepDpo}</p><p>论文链接：https://arxiv.org/abs/2406.18629</p>"));

        Assert.Equal(StepDpo, mention.Title);
        Assert.Equal([PaperKeyKind.Arxiv, PaperKeyKind.Title], mention.Keys.Select(k => k.Kind).ToList());
        Assert.Equal(PaperTitle.Normalize(StepDpo), mention.Keys[1].Value);
    }

    [Fact]
    public void Identify_TitleLabelOnItsOwnLine_TakesTheNextLineAsTitle()
    {
        var mention = Assert.Single(Identify($"<p>论文题目：</p><p>{StepDpo}</p><p>https://openreview.net/forum?id=H5FUVj0vMd</p>"));

        Assert.Equal(StepDpo, mention.Title);
        Assert.Equal("H5FUVj0vMd", mention.OpenReviewId);
    }

    [Fact]
    public void Identify_SinglePaperPost_TakesIdsFromLinkLinesBeforeTheTitleLabel()
    {
        var mention = Assert.Single(Identify(
            $"<p>arXiv：https://arxiv.org/abs/2406.18629</p><p>正文介绍……</p><p>论文标题：{StepDpo}</p><p>https://openreview.net/forum?id=H5FUVj0vMd</p>"));

        Assert.Equal(("2406.18629", "H5FUVj0vMd"), (mention.ArxivId, mention.OpenReviewId));
    }

    [Fact]
    public void Identify_SinglePaperPost_IdsInProseAreReferencesNotPapers()
    {
        var mentions = Identify(
            $"<p>它沿用了 DPO（arXiv:2305.18290）的框架。</p><p>Title: {StepControlled}</p><p>Paper: https://openreview.net/forum?id=ZRDa2IT1sQ</p>");

        var mention = Assert.Single(mentions);
        Assert.Equal("ZRDa2IT1sQ", mention.OpenReviewId);
        Assert.Null(mention.ArxivId);
        Assert.Contains("2305.18290", mention.Context, StringComparison.Ordinal);
    }

    [Fact]
    public void Identify_DigestEntries_EachGetsItsOwnAuthorsAbstractAndSummary()
    {
        const string Abstract = "We study how large language models can be aligned with human preferences without a separate reward model, and show on several benchmarks that a simple classification loss on preference pairs is as effective as reinforcement learning.";
        var html = $"""
            <p>2025-04-13 更新</p>
            <p>{StepDpo}</p>
            <p>Authors:Xin Lai, Zhuotao Tian, Yukang Chen and Jiaya Jia</p>
            <p>{Abstract}</p>
            <p>Summary:逐步偏好优化。</p>
            <p>{StepControlled}</p>
            <p>作者：Zimu Lu，Aojun Zhou</p>
            <p>Summary</p>
            <p>在指定步骤注入错误来构造负样本，学习推理在哪一步出错。</p>
            """;

        var mentions = Identify(html);

        Assert.Equal([StepDpo, StepControlled], mentions.Select(m => m.Title).ToList());
        Assert.Equal(["Xin Lai", "Zhuotao Tian", "Yukang Chen", "Jiaya Jia"], mentions[0].Authors);
        Assert.Equal(["Zimu Lu", "Aojun Zhou"], mentions[1].Authors);
        Assert.Equal(Abstract, mentions[0].Abstract);
        Assert.Null(mentions[1].Abstract);
        Assert.Equal("逐步偏好优化。", mentions[0].ReadySummary);
        Assert.Equal("在指定步骤注入错误来构造负样本，学习推理在哪一步出错。", mentions[1].ReadySummary);
        Assert.DoesNotContain("Zimu Lu", mentions[0].Context, StringComparison.Ordinal);
    }

    [Fact]
    public void Identify_CollectionSections_EachPaperKeepsItsOwnLinks()
    {
        var html = $"""
            <h1>ICLR 2025 DPO 论文收录</h1>
            <h2>1. {StepDpo}</h2><h3>文章链接</h3><p><a href="https://openreview.net/forum?id=H5FUVj0vMd">ICLR链接</a></p>
            <h3>摘要</h3><p>Preferences over single reasoning steps.</p>
            <h2>2. {StepControlled}</h2><h3>文章链接</h3><p><a href="https://openreview.net/forum?id=ZRDa2IT1sQ">ICLR链接</a></p>
            """;

        var mentions = Identify(html);

        Assert.Equal([("H5FUVj0vMd", StepDpo), ("ZRDa2IT1sQ", StepControlled)], mentions.Select(m => (m.OpenReviewId, m.Title)).ToList());
        Assert.Equal("Preferences over single reasoning steps.", mentions[0].Abstract);
        Assert.Null(mentions[1].Abstract);
    }

    [Fact]
    public void Identify_EmptyTemplateSectionsAndEmptyLinks_YieldNothing()
    {
        const string Template = """<h2></h2><h3>关键字</h3><h3>相关链接</h3><p><a href="">查看PDF</a> <a href="">ICLR链接</a> <a></a></p><h3>摘要</h3>""";

        Assert.Empty(Identify(Template + Template));
        Assert.Empty(Identify("## \n### 关键字\n### 相关链接\n[](https://)\n<a href=\"\">ICLR链接</a>\n### 摘要", asText: true));
    }

    [Theory]
    [InlineData("Introduction")]
    [InlineData("Related Work")]
    [InlineData("Method")]
    [InlineData("摘要")]
    [InlineData("Key Takeaways")]
    [InlineData("ICLR2025中DPO(Direct Reference Optimization)相关文章收录")]
    public void Identify_GenericOrChineseHeadings_AreNotPapers(string heading)
    {
        Assert.Empty(Identify($"<h2>{heading}</h2><p>Some text under it.</p>"));
    }

    [Fact]
    public void Identify_CodeLinks_AreRepositoryRootsOfTheSectionOnly()
    {
        var html = $"""
            <h2>{StepDpo}</h2>
            <p><a href="https://github.com/dvlab-research/Step-DPO/tree/main/eval">code</a>
            <a href="https://github.com/dvlab-research">lab</a> <a href="https://github.com/dvlab-research/Step-DPO/issues/3">issue</a>
            <a href="/dpo-notes/collection/blob/main/papers/step.pdf">PDF</a></p>
            <h2>{StepControlled}</h2>
            <p>Code: https://github.com/mathllm/Step-Controlled_DPO.git</p>
            """;

        var mentions = Identify(html, baseUri: "https://github.com/dpo-notes/collection/blob/main/README.md");

        Assert.Equal(["https://github.com/dvlab-research/Step-DPO"], mentions[0].CodeUrls);
        Assert.Equal(["https://github.com/mathllm/Step-Controlled_DPO"], mentions[1].CodeUrls);
        Assert.Contains("https://github.com/dpo-notes/collection/blob/main/papers/step.pdf", mentions[0].Links);
    }

    [Fact]
    public void Identify_GuillemetTitles_CountOnlyWhenTheyLookLikePapers()
    {
        Assert.Empty(Identify("<p>推荐阅读《大模型对齐技术综述》和《三体》。</p>"));

        var mention = Assert.Single(Identify("<p>经典论文《Attention Is All You Need》值得反复读。</p>"));
        Assert.Equal("Attention Is All You Need", mention.Title);
    }

    [Fact]
    public void Identify_PlainTitleList_NumberedEntriesArePapers()
    {
        var mentions = Identify("""
            <p>1. Direct Preference Optimization: Your Language Model is Secretly a Reward Model</p>
            <p>2、【ICML 2024】KTO: Model Alignment as Prospect Theoretic Optimization</p>
            <p>3. Training language models to follow instructions with human feedback</p>
            """);

        Assert.Equal(
            ["Direct Preference Optimization: Your Language Model is Secretly a Reward Model", "KTO: Model Alignment as Prospect Theoretic Optimization", "Training language models to follow instructions with human feedback"],
            mentions.Select(m => m.Title).ToList());
        Assert.All(mentions, m => Assert.Equal(PaperKeyKind.Title, Assert.Single(m.Keys).Kind));
    }

    [Fact]
    public void Identify_HowToListWithOneTitleCasedStep_IsNotAPaperList()
    {
        Assert.Empty(Identify("<ol><li>先读 DPO 的推导。</li><li>再对比损失函数。</li><li>Use the TRL Library for Quick Experiments</li></ol>"));
    }

    [Fact]
    public void Identify_TutorialWithTitleCasedHeadingsAndSteps_FindsNoPapers()
    {
        const string Tutorial = """
            <h2>Installing PyTorch on Windows</h2><p>First get the right CUDA build.</p>
            <h2>Setting Up the Development Environment</h2>
            <ol><li>Install the Python Dependencies</li><li>Configure the CUDA Toolkit</li><li>Verify the GPU Installation</li></ol>
            <h2>Training Your First Model</h2><p>Run the script and watch the loss.</p>
            """;

        Assert.Empty(Identify(Tutorial));
    }

    [Fact]
    public void Identify_TitleCasedHeading_IsAPaperInAPostAboutPapers()
    {
        var mention = Assert.Single(Identify("<p>本周读的论文：</p><h2>Self-Rewarding Language Models</h2><p>模型给自己打分。</p>"));

        Assert.Equal("Self-Rewarding Language Models", mention.Title);
    }

    [Fact]
    public void Identify_CategoryHeadingOverPaperHeadings_OnlyThePapersCount()
    {
        var mentions = Identify($"<h2>Preference Optimization Methods</h2><h3>{StepDpo}</h3><p>one</p><h3>{StepControlled}</h3><p>two</p>");

        Assert.Equal([StepDpo, StepControlled], mentions.Select(m => m.Title).ToList());
    }

    [Fact]
    public void Identify_SubHeadingInsideAPaperSection_IsNotAnotherPaper()
    {
        var mentions = Identify($"<h2>1. {StepDpo}</h2><h4>Step Localisation With Monte Carlo Rollouts</h4><p>details</p><p><a href=\"https://openreview.net/forum?id=H5FUVj0vMd\">ICLR</a></p>");

        var mention = Assert.Single(mentions);
        Assert.Equal(StepDpo, mention.Title);
        Assert.Equal("H5FUVj0vMd", mention.OpenReviewId);
    }

    [Fact]
    public void Identify_HeadingWrappingABlock_IsOneHeading()
    {
        var mention = Assert.Single(Identify($"<h2><p>{StepDpo}</p></h2><p><a href=\"https://openreview.net/forum?id=H5FUVj0vMd\">ICLR</a></p>"));

        Assert.Equal((StepDpo, "H5FUVj0vMd"), (mention.Title, mention.OpenReviewId));
    }

    [Fact]
    public void Identify_MarkdownInText_WhenThereIsNoHtml()
    {
        var mentions = Identify($"# ICLR 2025 合集\n## 1. {StepDpo}\n* [ICLR链接](https://openreview.net/forum?id=H5FUVj0vMd)\n## 2. {StepControlled}\n* <a href=\"https://openreview.net/forum?id=ZRDa2IT1sQ\">ICLR链接</a>", asText: true);

        Assert.Equal(["H5FUVj0vMd", "ZRDa2IT1sQ"], mentions.Select(m => m.OpenReviewId).ToList());
    }

    [Fact]
    public void Identify_LooseIdsOnOneLine_SplitByTitledLinks_JoinedByGenericOnes()
    {
        var mentions = Identify("""
            <p>Read <a href="https://arxiv.org/abs/2406.18629">Step-DPO: Step-wise Preference Optimization for Long-chain Reasoning of LLMs</a>
            and <a href="https://openreview.net/forum?id=uaMSBJDnRv">Unintentional Unalignment: Likelihood Displacement in Direct Preference Optimization</a>;
            BERT is here (<a href="https://aclanthology.org/N19-1423.pdf">ACL</a>, <a href="https://arxiv.org/abs/1810.04805">arXiv</a>).</p>
            """);

        Assert.Equal(
            [["arxiv:2406.18629", "title:" + PaperTitle.Normalize(StepDpo)], ["openreview:uaMSBJDnRv", "title:unintentionalunalignmentlikelihooddisplacementindirectpreferenceoptimization"], ["arxiv:1810.04805", "acl:N19-1423"]],
            mentions.Select(m => m.Keys.Select(k => k.ToString()).ToList()).ToList());
    }

    [Theory]
    [InlineData("AI 摘要：把偏好细化到推理步骤。")]
    [InlineData("TL;DR: 把偏好细化到推理步骤。")]
    [InlineData("总结：把偏好细化到推理步骤。")]
    public void Identify_ReadySummaryLabels_FillReadySummary(string line)
    {
        var mention = Assert.Single(Identify($"<h2>{StepDpo}</h2><p>{line}</p>"));

        Assert.Equal("把偏好细化到推理步骤。", mention.ReadySummary);
    }

    [Theory]
    [InlineData("<a href=\"javascript:alert(1)\">x</a><a href=\"mailto:a@b.c\">mail</a>")]
    [InlineData("<<<>>> <p><p></li></ol>")]
    [InlineData("<a href=\"https://arxiv.org/abs/\">arXiv</a> <a href=\"https://openreview.net/forum?id=\">OR</a>")]
    [InlineData("<a href=\"https://weibo.cn/sinaurl?u=\">网页链接</a> <a href=\"https://link.zhihu.com/?target=%zz%\">x</a>")]
    [InlineData("<a href=\"https://doi.org/\">doi</a> 10.1234/ and 10./x")]
    public void Identify_BrokenLinksAndMarkup_FindNothingAndDoNotThrow(string html)
    {
        Assert.Empty(Identify(html));
    }

    [Fact]
    public void Identify_VeryLongPost_StillFindsItsPaper()
    {
        var filler = string.Concat(Enumerable.Repeat("Lorem ipsum (dolor) sit amet, 2024.06.15 $19.99 v1.2.3. ", 2000));
        var mention = Assert.Single(Identify($"<p>{filler}</p><p>论文：https://arxiv.org/abs/2406.18629</p><p>{filler}</p>"));

        Assert.Equal("2406.18629", mention.ArxivId);
    }

    [Fact]
    public void Identify_EmptyPost_FindsNothing()
    {
        Assert.Empty(Identify(""));
        Assert.Throws<ArgumentNullException>(() => _identifier.Identify(null!));
    }

    [Fact]
    public void Identify_ShortTitleWithoutId_YieldsNothing()
    {
        Assert.Empty(Identify("<p>论文标题：GPT-4 Report</p>"));
    }

    [Fact]
    public void Identify_SectionContext_IsCapped()
    {
        var longText = string.Concat(Enumerable.Repeat("这是一段很长的解读。", 400));
        var mentions = Identify($"<h2>{StepDpo}</h2><p>{longText}</p><h2>{StepControlled}</h2><p>短。</p>");

        Assert.InRange(mentions[0].Context!.Length, 100, 2000);
    }

    [Fact]
    public void Identify_ArxivFeedItem_IsThePaperTitledByThePostTitle()
    {
        var post = new PostDocument(
            "Step-DPO: Step-wise Preference Optimization for Long-chain Reasoning of LLMs (arXiv:2406.18629v1 [cs.LG])",
            "<p>Abstract: Mathematical reasoning is hard for LLMs because one wrong step spoils the chain.</p>",
            "Abstract: Mathematical reasoning is hard for LLMs because one wrong step spoils the chain.",
            new Uri("https://arxiv.org/abs/2406.18629"));

        var mention = Assert.Single(_identifier.Identify(post));

        Assert.Equal(StepDpo, mention.Title);
        Assert.Equal(("2406.18629", 1), (mention.ArxivId, mention.ArxivVersion));
        Assert.Equal("Mathematical reasoning is hard for LLMs because one wrong step spoils the chain.", mention.Abstract);
    }

    [Fact]
    public void Identify_BlogPostTitle_IsNotTakenAsThePaperTitle()
    {
        var post = new PostDocument(
            "My Favourite Reasoning Paper This Week",
            "<p>Read it here: https://arxiv.org/abs/2406.18629</p>",
            "Read it here: https://arxiv.org/abs/2406.18629",
            new Uri("https://blog.example.com/favourite"));

        var mention = Assert.Single(_identifier.Identify(post));

        Assert.Null(mention.Title);
        Assert.Equal([new PaperKey(PaperKeyKind.Arxiv, "2406.18629")], mention.Keys);
    }

    private IReadOnlyList<PaperMention> Identify(string content, bool asText = false, string? baseUri = null) =>
        _identifier.Identify(new PostDocument(
            "post",
            asText ? "" : content,
            asText ? content : "",
            baseUri is null ? null : new Uri(baseUri)));
}
