using Aggregator.Papers;
using Aggregator.Storage;
using Aggregator.Storage.Tables;
using Aggregator.Testing.Azurite;

namespace Aggregator.Tests.Storage.Tables;

[Collection(AzuriteFixture.Collection)]
public sealed class TablePaperStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = new(2025, 4, 23, 5, 0, 0, TimeSpan.Zero);
    private static readonly PaperKey Arxiv = new(PaperKeyKind.Arxiv, "2406.18629");
    private static readonly PaperKey Doi = new(PaperKeyKind.Doi, "10.48550/arxiv.2406.18629");
    private static readonly PaperKey OpenReview = new(PaperKeyKind.OpenReview, "iLUcsecZJp");

    private readonly TablePaperStore store = new(StoreFactory.Tables(azurite));

    private static PaperCoverage Covered(string postId, string sourceId, DateTimeOffset at) =>
        new(postId, sourceId, sourceId, "post " + postId, "https://example.org/" + postId, at);

    [Fact]
    public async Task Save_ThenFindByAnyKey_ReturnsThePaper()
    {
        await store.SaveAsync(PaperSamples.StepDpo("p1", T0, Covered("a", "weibo", T0)), [Arxiv, Doi]);

        var found = await store.FindByKeysAsync([Doi, OpenReview]);

        Assert.Equal("p1", found[Doi]);
        Assert.False(found.ContainsKey(OpenReview));
        var read = await store.GetAsync("p1");
        Assert.Equal("2406.18629", read!.ArxivId);
        Assert.Equal("a", Assert.Single(read.Coverage).PostId);
    }

    [Theory]
    [InlineData("doi:10.1000/xyz")]
    [InlineData("what#is?this")]
    public async Task Get_AnIdThatCannotBeAKey_IsNotFoundRatherThanAServiceError(string id)
    {
        // Post rows carry the ids their papers had; a feed reads each of them back, and one odd id must not fail the page.
        await store.SaveAsync(PaperSamples.StepDpo("p1", T0, Covered("a", "weibo", T0)), [Arxiv]);

        Assert.Null(await store.GetAsync(id));
        Assert.NotNull(await store.GetAsync("p1"));
    }

    [Fact]
    public async Task Merge_RepointsKeysAndOldIdResolvesToTheSurvivor()
    {
        await store.SaveAsync(PaperSamples.StepDpo("old", T0, Covered("a", "weibo", T0)), [Arxiv]);
        await store.SaveAsync(PaperSamples.StepDpo("young", T0.AddHours(1), Covered("b", "paperweekly", T0.AddHours(1))) with { ArxivId = null, OpenReviewId = "iLUcsecZJp" }, [OpenReview]);

        var survivor = PaperSamples.StepDpo("old", T0, Covered("a", "weibo", T0), Covered("b", "paperweekly", T0.AddHours(1))) with { OpenReviewId = "iLUcsecZJp" };
        await store.MergeAsync(survivor, [Arxiv, OpenReview], "young");

        Assert.Equal("old", (await store.FindByKeysAsync([OpenReview]))[OpenReview]);
        Assert.Equal("old", (await store.GetAsync("young"))!.Id);
        var newest = await store.GetNewestAsync(new FeedQuery());
        Assert.Equal(["old"], newest.Select(p => p.Id));
        Assert.Equal(2, newest[0].SourceCount);
    }

    [Fact]
    public async Task GetNewest_MinSources_KeepsPapersDiscussedByEnoughIndependentSources()
    {
        await store.SaveAsync(PaperSamples.StepDpo("one", T0, Covered("a", "weibo", T0), Covered("a2", "weibo", T0)), [Arxiv]);
        await store.SaveAsync(PaperSamples.StepDpo("two", T0.AddMinutes(1), Covered("b", "weibo", T0), Covered("c", "csdn", T0)), [Doi]);

        var popular = await store.GetNewestAsync(new FeedQuery { MinSources = 2 });

        Assert.Equal(["two"], popular.Select(p => p.Id));
    }
}
