using Aggregator.Papers;
using Aggregator.Storage;
using Aggregator.Storage.Tables;
using Aggregator.Summaries;
using Aggregator.Testing.Azurite;
using Aggregator.Tests.Storage.Tables;

namespace Aggregator.Tests.Papers;

/// <summary>Merging mentions into stored papers, against real Table Storage.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class PaperResolverTests(AzuriteFixture azurite)
{
    private const string IclTitle = "Why In-Context Learning Models are Good Few-Shot Learners?";
    private static readonly DateTimeOffset T0 = new(2025, 8, 21, 5, 0, 0, TimeSpan.Zero);

    private readonly TablePaperStore store = new(StoreFactory.Tables(azurite));
    private readonly ManualClock clock = new(T0);

    private PaperResolver Resolver() => new(store, new PaperSummaryPicker(new ExtractiveSummarizer()), clock);

    private static PaperMention Mention(string? arxiv = null, string? openReview = null, string? title = IclTitle, int? version = null, params string[] code)
    {
        var keys = new List<PaperKey>();
        if (arxiv is not null) keys.Add(new PaperKey(PaperKeyKind.Arxiv, arxiv));
        if (openReview is not null) keys.Add(new PaperKey(PaperKeyKind.OpenReview, openReview));
        if (PaperTitle.KeyFor(title) is { } titleKey) keys.Add(titleKey);
        return new PaperMention { ArxivId = arxiv, ArxivVersion = version, OpenReviewId = openReview, Title = title, CodeUrls = code, Keys = keys };
    }

    private static Post Post(string id, string source) => PostSamples.Post(id, T0, source);

    [Fact]
    public async Task Resolve_OpenReviewInOnePostArxivInAnother_IsOnePaperBridgedByTheTitle()
    {
        var resolver = Resolver();

        var first = await resolver.ResolveAsync(Post("wechat", "paperweekly"), [Mention(openReview: "iLUcsecZJp")]);
        clock.Advance(TimeSpan.FromHours(1));
        var second = await resolver.ResolveAsync(Post("weibo", "weibo"), [Mention(arxiv: "2410.13000")]);

        Assert.Equal(first[0].PaperId, second[0].PaperId);
        var paper = await store.GetAsync(first[0].PaperId);
        Assert.Equal("iLUcsecZJp", paper!.OpenReviewId);
        Assert.Equal("2410.13000", paper.ArxivId);
        Assert.Equal(2, paper.SourceCount);
        Assert.Equal("https://arxiv.org/abs/2410.13000", second[0].Url);
    }

    [Fact]
    public async Task Resolve_MentionJoiningTwoStoredPapers_MergesIntoTheOlderOne()
    {
        var resolver = Resolver();
        var byArxiv = await resolver.ResolveAsync(Post("a", "weibo"), [Mention(arxiv: "2410.13000", title: null)]);
        clock.Advance(TimeSpan.FromHours(1));
        var byOpenReview = await resolver.ResolveAsync(Post("b", "paperweekly"), [Mention(openReview: "iLUcsecZJp", title: null)]);
        clock.Advance(TimeSpan.FromHours(1));

        var bridge = await resolver.ResolveAsync(Post("c", "csdn"), [Mention(arxiv: "2410.13000", openReview: "iLUcsecZJp")]);

        Assert.NotEqual(byArxiv[0].PaperId, byOpenReview[0].PaperId);
        Assert.Equal(byArxiv[0].PaperId, bridge[0].PaperId);
        var merged = await store.GetAsync(byOpenReview[0].PaperId);
        Assert.Equal(byArxiv[0].PaperId, merged!.Id);
        Assert.Equal(["a", "b", "c"], merged.Coverage.Select(c => c.PostId));
        Assert.Single(await store.GetNewestAsync(new FeedQuery()));
    }

    [Fact]
    public async Task Resolve_SameTitleUnderTwoArxivIds_StaysTwoPapersAndTheTitleStaysWithTheFirst()
    {
        const string survey = "A Survey of Large Language Models";
        var resolver = Resolver();

        var first = await resolver.ResolveAsync(Post("a", "weibo"), [Mention(arxiv: "2303.18223", title: survey)]);
        clock.Advance(TimeSpan.FromHours(1));
        var second = await resolver.ResolveAsync(Post("b", "csdn"), [Mention(arxiv: "2402.06196", title: survey)]);

        Assert.NotEqual(first[0].PaperId, second[0].PaperId);
        var papers = await store.GetNewestAsync(new FeedQuery());
        Assert.Equal(["2303.18223", "2402.06196"], papers.Select(p => p.ArxivId!).Order(StringComparer.Ordinal));
        Assert.All(papers, p => Assert.Single(p.Coverage));
        Assert.Equal(first[0].PaperId, (await store.FindByKeysAsync([PaperTitle.KeyFor(survey)!.Value])).Values.Single());
    }

    [Fact]
    public async Task Resolve_PaperAnEarlierReleaseMergedAcrossTwoArxivIds_StillTakesMentionsOfEitherId()
    {
        // Before titles stopped joining different arXiv ids, two surveys titled alike could merge: the absorbed one is a
        // redirect, and its arXiv key points at the survivor. New mentions of its id must land there, not fail.
        const string survey = "A Survey of Large Language Models";
        var keptKey = new PaperKey(PaperKeyKind.Arxiv, "2303.18223");
        var absorbedKey = new PaperKey(PaperKeyKind.Arxiv, "2402.06196");
        var titleKey = PaperTitle.KeyFor(survey)!.Value;
        var kept = PaperSamples.StepDpo(PaperIds.FromKey(keptKey), T0, new PaperCoverage("a", "weibo", "weibo", survey, "https://example.org/a", T0)) with { ArxivId = keptKey.Value, Title = survey };
        var absorbed = PaperSamples.StepDpo(PaperIds.FromKey(absorbedKey), T0.AddHours(1), new PaperCoverage("b", "csdn", "csdn", survey, "https://example.org/b", T0.AddHours(1))) with { ArxivId = absorbedKey.Value, Title = survey };
        await store.SaveAsync(kept, [keptKey, titleKey]);
        await store.SaveAsync(absorbed, [absorbedKey]);
        await store.MergeAsync(kept with { Coverage = [.. kept.Coverage, .. absorbed.Coverage] }, [keptKey, absorbedKey, titleKey], absorbed.Id);
        clock.Advance(TimeSpan.FromHours(2));

        var again = await Resolver().ResolveAsync(Post("c", "wechat"), [Mention(arxiv: absorbedKey.Value, title: survey)]);

        Assert.Equal(kept.Id, again.Single().PaperId);
        Assert.Equal(["a", "b", "c"], (await store.GetAsync(kept.Id))!.Coverage.Select(c => c.PostId));
    }

    [Fact]
    public async Task Resolve_SimilarButDistinctTitles_StayTwoPapers()
    {
        var resolver = Resolver();

        var a = await resolver.ResolveAsync(Post("a", "x"), [Mention(title: "Step-DPO: Step-wise Preference Optimization for Long-chain Reasoning of LLMs")]);
        var b = await resolver.ResolveAsync(Post("b", "y"), [Mention(title: "Step-Controlled DPO: Leveraging Stepwise Error for Enhanced Mathematical Reasoning")]);

        Assert.NotEqual(a[0].PaperId, b[0].PaperId);
    }

    [Fact]
    public async Task Resolve_NewMentionVersionOrCodeLink_MovesUpdatedButKeepsTheGuid()
    {
        var resolver = Resolver();
        var first = await resolver.ResolveAsync(Post("a", "weibo"), [Mention(arxiv: "2410.13000", version: 1)]);
        var created = (await store.GetAsync(first[0].PaperId))!;

        clock.Advance(TimeSpan.FromHours(1));
        await resolver.ResolveAsync(Post("a", "weibo"), [Mention(arxiv: "2410.13000", version: 1)]);
        var unchanged = (await store.GetAsync(first[0].PaperId))!;
        clock.Advance(TimeSpan.FromHours(1));
        await resolver.ResolveAsync(Post("a", "weibo"), [Mention(arxiv: "2410.13000", version: 2, code: "https://github.com/ovo67/Uni_ICL")]);
        var updated = (await store.GetAsync(first[0].PaperId))!;

        Assert.Equal(created.Updated, unchanged.Updated);
        Assert.Equal(T0.AddHours(2), updated.Updated);
        Assert.Equal(2, updated.LatestArxivVersion);
        Assert.Equal(["https://github.com/ovo67/Uni_ICL"], updated.CodeUrls);
        Assert.Equal(created.Id, updated.Id);
        Assert.Equal(T0, updated.FirstSeen);
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset now = now;

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
