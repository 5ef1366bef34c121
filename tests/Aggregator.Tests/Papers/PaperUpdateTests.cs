using Aggregator.Papers;
using Aggregator.Storage;

namespace Aggregator.Tests.Papers;

/// <summary>What survives when two stored records of one paper merge after a lookup.</summary>
public sealed class PaperUpdateTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static Paper Record(string id, string title, DateTimeOffset firstSeen) => new()
    {
        Id = id,
        Title = title,
        FirstSeen = firstSeen,
        LastSeen = firstSeen,
        Updated = firstSeen,
        Coverage = [new PaperCoverage("post-" + id, "src-" + id, "Source " + id, "A post", "https://example.org/" + id, firstSeen)],
    };

    [Fact]
    public void Absorb_OlderRecordWithoutMetadata_TakesTheAbsorbedCanonicalMetadataAndKeepsItsId()
    {
        var older = Record("pold", "DPO 论文解读", T0) with { Authors = ["张三"] };
        var enriched = Record("pnew", "Direct Preference Optimization: Your Language Model is Secretly a Reward Model", T0.AddHours(1)) with
        {
            ArxivId = "2305.18290",
            Authors = ["Rafael Rafailov"],
            Abstract = "While large-scale unsupervised language models…",
            PrimaryCategory = "cs.LG",
            PdfUrl = "https://arxiv.org/pdf/2305.18290",
            Lookup = new PaperLookup(ArxivFetched: T0.AddHours(2)),
        };

        var merged = PaperUpdate.Absorb(older, enriched);

        Assert.Equal("pold", merged.Id);
        Assert.Equal(T0, merged.FirstSeen);
        Assert.Equal(enriched.Title, merged.Title);
        Assert.Equal(["Rafael Rafailov"], merged.Authors);
        Assert.Equal("cs.LG", merged.PrimaryCategory);
        Assert.Equal("https://arxiv.org/pdf/2305.18290", merged.PdfUrl);
        Assert.Equal(T0.AddHours(2), merged.Lookup.ArxivFetched);
        Assert.False(PaperLookupNeeds.NeedsArxiv(merged));
        Assert.Equal(["post-pold", "post-pnew"], merged.Coverage.Select(c => c.PostId));
    }

    [Fact]
    public void Absorb_SurvivorFromArxivAbsorbingAnOpenReviewNote_KeepsArxivsWordsAndTakesTheVenue()
    {
        var survivor = Record("pa", "Canonical A Title For This Paper", T0) with { ArxivId = "2305.18290", Lookup = new PaperLookup(ArxivFetched: T0) };
        var absorbed = Record("pb", "Another Canonical Title For It", T0.AddHours(1)) with { OpenReviewId = "HPuSIXJaa9", Venue = "NeurIPS 2023", Lookup = new PaperLookup(OpenReviewFetched: T0, OpenReviewNote: true) };

        var merged = PaperUpdate.Absorb(survivor, absorbed);

        Assert.Equal("Canonical A Title For This Paper", merged.Title);
        Assert.Equal("NeurIPS 2023", merged.Venue);
        Assert.Equal(T0, merged.Lookup.OpenReviewFetched);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Absorb_SurvivorOnlyDescribedByOpenReview_TakesArxivsWordsAndDoesNotAskArxivAgain(bool openReviewHadANote)
    {
        // OpenReview answering "no such note" settles a question but describes nothing: it must not outrank arXiv.
        var survivor = Record("pa", openReviewHadANote ? "DPO (OpenReview's wording)" : "DPO 论文解读", T0) with
        {
            OpenReviewId = "HPuSIXJaa9",
            Authors = ["张三"],
            Lookup = new PaperLookup(OpenReviewFetched: T0, OpenReviewNote: openReviewHadANote),
        };
        var absorbed = Record("pb", "Direct Preference Optimization: Your Language Model is Secretly a Reward Model", T0.AddHours(1)) with
        {
            ArxivId = "2305.18290",
            Authors = ["Rafael Rafailov"],
            Abstract = "While large-scale unsupervised language models…",
            Lookup = new PaperLookup(ArxivFetched: T0.AddHours(2)),
        };

        var merged = PaperUpdate.Absorb(survivor, absorbed);

        Assert.Equal("pa", merged.Id);
        Assert.Equal(absorbed.Title, merged.Title);
        Assert.Equal(["Rafael Rafailov"], merged.Authors);
        Assert.Equal(absorbed.Abstract, merged.Abstract);
        Assert.Equal(MetadataSource.Arxiv, merged.MetadataSource);
        Assert.False(PaperLookupNeeds.NeedsArxiv(merged));
        Assert.False(PaperLookupNeeds.NeedsOpenReview(merged));
    }

    [Theory]
    [InlineData("Direct Preference Optimization: Your Language Model is Secretly a Reward Model", true)]
    [InlineData("直接偏好优化：你的语言模型其实是一个奖励模型", false)]
    [InlineData("arxiv:2305.18290", false)]
    public void NeedsTitleSearch_OnlyLatinScriptRealTitles(string title, bool expected) =>
        Assert.Equal(expected, PaperLookupNeeds.NeedsTitleSearch(Record("p", title, T0)));
}
