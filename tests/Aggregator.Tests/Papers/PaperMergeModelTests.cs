using Aggregator.Papers;
using Aggregator.Testing.Papers;
using Xunit.Abstractions;

namespace Aggregator.Tests.Papers;

public sealed class PaperMergeModelTests(ITestOutputHelper output)
{
    [Fact]
    public void Group_MentionsSharingAKey_AreOnePaper_Transitively()
    {
        var fromCollection = Mention(new(PaperKeyKind.OpenReview, "H5FUVj0vMd"), Title("Step-DPO: Step-wise Preference Optimization for Long-chain Reasoning of LLMs"));
        var fromBlog = Mention(new(PaperKeyKind.Arxiv, "2406.18629"), Title("Step-DPO: Step-wise Preference Optimization for Long-chain Reasoning of LLMs"));
        var fromWeibo = Mention(new PaperKey(PaperKeyKind.Arxiv, "2406.18629"));
        var other = Mention(new PaperKey(PaperKeyKind.Arxiv, "2405.00675"));

        var groups = PaperMergeModel.Group([fromCollection, other, fromBlog, fromWeibo]);

        Assert.Equal(2, groups.Count);
        Assert.Equal([fromCollection, fromBlog, fromWeibo], groups[0]);
        Assert.Equal([other], groups[1]);
    }

    [Fact]
    public void Group_SimilarButDifferentTitles_NeverMerge()
    {
        var mentions = new[]
        {
            "Step-DPO: Step-wise Preference Optimization for Long-chain Reasoning of LLMs",
            "Step-Controlled DPO: Leveraging Stepwise Errors for Enhancing Mathematical Reasoning of Language Models",
            "Attention Is All You Need",
            "Attention Is Not All You Need: Pure Attention Loses Rank Doubly Exponentially with Depth",
        }.Select(t => Mention(Title(t))).ToList();

        Assert.Equal(4, PaperMergeModel.Group(mentions).Count);
    }

    [Fact]
    public void Group_SameTitleUnderTwoArxivIds_IsTwoPapers_AndATitleOnlyMentionJoinsTheFirst()
    {
        var survey = Title("A Survey of Large Language Models");
        var first = Mention(new PaperKey(PaperKeyKind.Arxiv, "2303.18223"), survey);
        var second = Mention(new PaperKey(PaperKeyKind.Arxiv, "2402.06196"), survey);
        var titleOnly = Mention(survey);

        var groups = PaperMergeModel.Group([first, second, titleOnly]);

        Assert.Equal(2, groups.Count);
        Assert.Equal([first, titleOnly], groups[0]);
        Assert.Equal([second], groups[1]);
    }

    [Fact]
    public void Group_Nothing_IsNoPapers()
    {
        Assert.Empty(PaperMergeModel.Group([]));
    }

    [Fact]
    public void Group_LabelledCorpus_SamePaperAcrossPostsMerges_DistinctPairsNever()
    {
        var (posts, skipped) = PaperCorpus.Load();
        foreach (var message in skipped)
        {
            output.WriteLine(message);
        }

        var identifier = new PaperIdentifier();
        var labelled = new List<(PaperMention Mention, string? PaperId)>();
        foreach (var post in posts)
        {
            var mentions = identifier.Identify(new PostDocument(post.Title, post.Html, post.Text, post.BaseUri is null ? null : new Uri(post.BaseUri)));
            var matches = PaperCorpusScoring.Match(post, mentions.Select(m => (IReadOnlyCollection<string>)m.Keys.Select(k => k.ToString()).ToList()).ToList(), t => PaperTitle.KeyFor(t)?.ToString());
            labelled.AddRange(mentions.Select((m, i) => (m, matches[i] >= 0 ? post.Papers[matches[i]].Id : null)));
        }

        var groups = PaperMergeModel.Group(labelled.Select(l => l.Mention));
        var idsOf = groups.Select(g => g.Select(m => labelled.First(l => ReferenceEquals(l.Mention, m)).PaperId).ToHashSet()).ToList();

        // Step-DPO: OpenReview + title (collection), arXiv + title (Weibo, blog), title only (similar-titles post).
        var stepDpo = Assert.Single(idsOf, ids => ids.Contains("step-dpo"));
        Assert.Equal(["step-dpo"], stepDpo);
        Assert.True(labelled.Count(l => l.PaperId == "step-dpo") >= 4);
        Assert.Single(idsOf, ids => ids.Contains("mask-dpo"));
        foreach (var (a, b) in PaperCorpus.DistinctPairs())
        {
            Assert.DoesNotContain(idsOf, ids => ids.Contains(a) && ids.Contains(b));
        }
    }

    private static PaperKey Title(string title) => PaperTitle.KeyFor(title)!.Value;

    private static PaperMention Mention(params PaperKey[] keys) => new() { Keys = keys };
}
