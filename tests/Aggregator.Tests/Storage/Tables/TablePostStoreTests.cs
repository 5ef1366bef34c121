using System.Text;
using Aggregator.Storage;
using Aggregator.Storage.Tables;
using Aggregator.Testing.Azurite;

namespace Aggregator.Tests.Storage.Tables;

[Collection(AzuriteFixture.Collection)]
public sealed class TablePostStoreTests(AzuriteFixture azurite)
{
    // DedupeOptions.MaxDistance as ingestion passes it.
    private const int MaxDistance = 3;

    private static readonly DateTimeOffset T0 = new(2025, 4, 23, 5, 0, 0, TimeSpan.Zero);

    private readonly TablePostStore store = new(StoreFactory.Tables(azurite));

    [Fact]
    public async Task Add_83KbChineseArticle_RoundTripsByteForByte()
    {
        var text = PostSamples.ChineseArticle(83 * 1024);
        var post = PostSamples.Post("p83k", T0, text: text) with { ContentHtml = "<article>" + text + "</article>" };

        Assert.Equal(PostAddOutcome.Added, (await store.AddAsync(post, ["url:https://example.org/p83k"], MaxDistance)).Outcome);
        var read = await store.GetAsync("p83k");

        Assert.NotNull(read);
        Assert.Equal(Encoding.UTF8.GetBytes(post.Text), Encoding.UTF8.GetBytes(read.Text));
        Assert.Equal(post.ContentHtml, read.ContentHtml);
        Assert.Equal(post.Title, read.Title);
        Assert.Equal(post.Fingerprint, read.Fingerprint);
        Assert.Equal(post.Sources, read.Sources);
    }

    [Fact]
    public async Task Add_ContentLargerThanOneEntityAndOneBatch_IsKeptWhole()
    {
        // ~1.5 MB of UTF-8 Chinese, twice (HTML and text): more than an entity (1 MiB) and than one transaction can carry.
        var text = PostSamples.ChineseArticle(1536 * 1024);
        var post = PostSamples.Post("huge", T0, text: text) with { ContentHtml = text };

        Assert.Equal(PostAddOutcome.Added, (await store.AddAsync(post, ["url:https://example.org/huge"], MaxDistance)).Outcome);
        var read = await store.GetAsync("huge");

        Assert.Equal(text.Length, read!.Text.Length);
        Assert.Equal(text, read.Text);
        Assert.Equal(text, read.ContentHtml);
    }

    [Fact]
    public async Task Add_SamePostTwice_StoresItOnce()
    {
        var post = PostSamples.Post("twice", T0);

        Assert.Equal(PostAddOutcome.Added, (await store.AddAsync(post, ["url:https://example.org/twice"], MaxDistance)).Outcome);
        Assert.Equal(PostAddOutcome.Known, (await store.AddAsync(post, ["url:https://example.org/twice"], MaxDistance)).Outcome);

        var newest = await store.GetNewestAsync(new FeedQuery());
        Assert.Single(newest, p => p.Id == "twice");
    }

    [Fact]
    public async Task GetNewest_ReturnsTheNewestNFirstSeenFirst()
    {
        for (var i = 0; i < 12; i++)
        {
            await store.AddAsync(PostSamples.Post($"n{i:D2}", T0.AddMinutes(i)), [$"url:n{i}"], MaxDistance);
        }

        var newest = await store.GetNewestAsync(new FeedQuery { Limit = 5 });

        Assert.Equal(["n11", "n10", "n09", "n08", "n07"], newest.Select(p => p.Id));
    }

    [Fact]
    public async Task GetNewest_FiltersBySourceKeywordAndSince()
    {
        await store.AddAsync(PostSamples.Post("a", T0, "weibo", "Step-DPO 逐步偏好优化", "数学推理"), ["k:a"], MaxDistance);
        await store.AddAsync(PostSamples.Post("b", T0.AddMinutes(1), "csdn", "DPO 论文清单", "偏好对齐"), ["k:b"], MaxDistance);
        await store.AddAsync(PostSamples.Post("c", T0.AddMinutes(2), "weibo", "Agents", "tool use"), ["k:c"], MaxDistance);

        Assert.Equal(["c", "a"], (await store.GetNewestAsync(new FeedQuery { SourceId = "weibo" })).Select(p => p.Id));
        Assert.Equal(["b", "a"], (await store.GetNewestAsync(new FeedQuery { Keyword = "dpo" })).Select(p => p.Id));
        Assert.Equal(["b"], (await store.GetNewestAsync(new FeedQuery { Keyword = "偏好对齐" })).Select(p => p.Id));
        Assert.Equal(["c", "b"], (await store.GetNewestAsync(new FeedQuery { Since = T0.AddMinutes(1) })).Select(p => p.Id));
    }

    [Fact]
    public async Task FindByIdentity_FindsThePostByAnyOfItsKeys()
    {
        await store.AddAsync(PostSamples.Post("id1", T0), ["guid:src:abc", "url:https://example.org/id1"], MaxDistance);

        Assert.Equal("id1", await store.FindByIdentityAsync(["url:https://other.example/", "url:https://example.org/id1"]));
        Assert.Null(await store.FindByIdentityAsync(["url:https://other.example/"]));
    }

    [Fact]
    public async Task AddSource_RecordsAnotherSourceOnceAndMakesThePostFilterableByIt()
    {
        await store.AddAsync(PostSamples.Post("shared", T0, "paperweekly"), ["url:https://mp.weixin.qq.com/s/a"], MaxDistance);
        var repost = new PostSource("ml-frontier", "ML Frontier", "https://mp.weixin.qq.com/s/b", T0.AddHours(2));

        await store.AddSourceAsync("shared", repost, ["url:https://mp.weixin.qq.com/s/b"]);
        await store.AddSourceAsync("shared", repost, ["url:https://mp.weixin.qq.com/s/b"]);

        var read = await store.GetAsync("shared");
        Assert.Equal(["paperweekly", "ml-frontier"], read!.Sources.Select(s => s.SourceId));
        Assert.Equal("shared", await store.FindByIdentityAsync(["url:https://mp.weixin.qq.com/s/b"]));
        Assert.Single(await store.GetNewestAsync(new FeedQuery { SourceId = "ml-frontier" }));
    }

    [Fact]
    public async Task FindByFingerprintBands_FindsCloseFingerprintsOnly()
    {
        const ulong fingerprint = 0xF0F0_1234_5678_9ABCUL;
        await store.AddAsync(PostSamples.Post("fp", T0) with { Fingerprint = fingerprint }, ["k:fp"], MaxDistance);

        var near = await store.FindByFingerprintBandsAsync(fingerprint ^ 0b1011UL);
        var far = await store.FindByFingerprintBandsAsync(~fingerprint);

        Assert.Contains(near, c => c.PostId == "fp" && c.Fingerprint == fingerprint);
        Assert.DoesNotContain(far, c => c.PostId == "fp");
    }

    [Fact]
    public async Task Update_NewPublishedDate_MovesThePostWithoutDuplicatingIt()
    {
        var post = PostSamples.Post("moved", T0);
        await store.AddAsync(post, ["k:moved"], MaxDistance);

        await store.UpdateAsync(post with { Published = T0.AddDays(-3), Title = "原文" });

        var newest = await store.GetNewestAsync(new FeedQuery());
        Assert.Equal("原文", Assert.Single(newest).Title);
    }

    [Fact]
    public async Task Update_ReplacesSummaryAndPapers()
    {
        var post = PostSamples.Post("upd", T0);
        await store.AddAsync(post, ["k:upd"], MaxDistance);

        await store.UpdateAsync(post with { Summary = "新的摘要", Papers = [new PostPaper("p1", "Step-DPO", "https://arxiv.org/abs/2406.18629")] });

        var read = await store.GetAsync("upd");
        Assert.Equal("新的摘要", read!.Summary);
        Assert.Equal("Step-DPO", Assert.Single(read.Papers).Title);
        Assert.Single(await store.GetNewestAsync(new FeedQuery { Keyword = "新的摘要" }));
    }
}
