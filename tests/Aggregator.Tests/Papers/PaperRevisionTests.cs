using Aggregator.Papers;
using Aggregator.Storage;
using Aggregator.Storage.Tables;
using Aggregator.Summaries;
using Aggregator.Testing.Azurite;
using Aggregator.Tests.Storage.Tables;

namespace Aggregator.Tests.Papers;

/// <summary>Revising a stored paper (what enrichment does) against real Table Storage, alone and racing ingestion.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class PaperRevisionTests(AzuriteFixture azurite)
{
    private const string Title = "Direct Preference Optimization: Your Language Model is Secretly a Reward Model";
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly TablePaperStore store = new(StoreFactory.Tables(azurite));

    private PaperResolver Resolver() => new(store, new PaperSummaryPicker(new ExtractiveSummarizer()), TimeProvider.System);

    private static PaperMention Mention(string? arxiv = null, string? title = null)
    {
        var keys = new List<PaperKey>();
        if (arxiv is not null) keys.Add(new PaperKey(PaperKeyKind.Arxiv, arxiv));
        if (PaperTitle.KeyFor(title) is { } titleKey) keys.Add(titleKey);
        return new PaperMention { ArxivId = arxiv, Title = title, Keys = keys };
    }

    [Fact]
    public async Task Revise_DeclinedChange_WritesNothing()
    {
        var resolver = Resolver();
        var id = (await resolver.ResolveAsync(PostSamples.Post("a", T0, "csdn"), [Mention(title: Title)])).Single().PaperId;
        var before = await store.GetAsync(id);

        var revision = await resolver.ReviseAsync(id, _ => null);

        Assert.Null(revision);
        Assert.Equal(before!.StoreVersion, (await store.GetAsync(id))!.StoreVersion);
    }

    [Fact]
    public async Task Revise_ArxivIdRacingAMentionOfThatId_EndsAsOnePaperWithEveryPost()
    {
        var resolver = Resolver();
        var byTitle = (await resolver.ResolveAsync(PostSamples.Post("csdn-1", T0, "csdn"), [Mention(title: Title)])).Single().PaperId;
        var byId = (await resolver.ResolveAsync(PostSamples.Post("blog-1", T0.AddMinutes(1), "blog"), [Mention(arxiv: "2305.18290")])).Single().PaperId;

        // Enrichment gives the title-only paper the arXiv id while more posts about that id arrive.
        var revise = resolver.ReviseAsync(byTitle, p => p with { ArxivId = "2305.18290" });
        var mentions = Enumerable.Range(0, 4).Select(i =>
            resolver.ResolveAsync(PostSamples.Post($"weibo-{i}", T0.AddMinutes(2 + i), $"weibo-{i}"), [Mention(arxiv: "2305.18290")]));
        await Task.WhenAll(mentions.Cast<Task>().Append(revise));

        var first = await store.GetAsync(byTitle);
        var second = await store.GetAsync(byId);
        Assert.Equal(first!.Id, second!.Id);
        Assert.Equal(
            ["blog-1", "csdn-1", "weibo-0", "weibo-1", "weibo-2", "weibo-3"],
            first.Coverage.Select(c => c.PostId).Order(StringComparer.Ordinal));
        Assert.Single(await store.GetNewestAsync(new FeedQuery()));
    }

    [Fact]
    public async Task Revise_CanonicalTitleHeldByAPaperWithAnotherArxivId_LeavesThemTwoPapers()
    {
        // Two surveys titled alike: the one known by title is resolved to its arXiv id; the other keeps its own id and title key.
        const string survey = "A Survey of Large Language Models";
        var resolver = Resolver();
        var other = (await resolver.ResolveAsync(PostSamples.Post("blog-1", T0, "blog"), [Mention(arxiv: "2402.06196", title: survey)])).Single().PaperId;
        var wechat = (await resolver.ResolveAsync(PostSamples.Post("wechat-1", T0.AddMinutes(1), "wechat"), [Mention(title: survey + " (中文解读)")])).Single().PaperId;

        var revision = await resolver.ReviseAsync(wechat, p => p with { ArxivId = "2303.18223", Title = survey });

        Assert.NotNull(revision);
        Assert.Empty(revision.Absorbed);
        Assert.Equal(wechat, revision.Paper.Id);
        var papers = await store.GetNewestAsync(new FeedQuery());
        Assert.Equal(["2303.18223", "2402.06196"], papers.Select(p => p.ArxivId!).Order(StringComparer.Ordinal));
        Assert.Equal(other, (await store.FindByKeysAsync([PaperTitle.KeyFor(survey)!.Value])).Values.Single());
        Assert.Equal(["blog-1"], (await store.GetAsync(other))!.Coverage.Select(c => c.PostId));
    }
}
