using Aggregator.Ingestion;
using Aggregator.Storage;
using Aggregator.Testing.Azurite;

namespace Aggregator.Tests.Ingestion;

[Collection(AzuriteFixture.Collection)]
public sealed class IngestionRunnerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Run_SampleFeedsOverHttp_StoresEachPostOnceWithItsPapers()
    {
        await using var server = await SampleFeedServer.StartAsync();
        await using var harness = new IngestionHarness(azurite, SampleFeedServer.Sources(server));

        var report = await harness.RunAsync();

        Assert.All(report.Sources, s => Assert.Equal(SourceOutcome.Ingested, s.Outcome));
        var posts = await harness.Posts.GetNewestAsync(new FeedQuery { Limit = 200 });
        // The GBK feed decodes to real Chinese, not mojibake.
        Assert.Contains(posts, p => p.Title == "偏好对齐论文清单：DPO 之后的七篇必读");
        // The repost on another account is stored once, with both accounts as its sources.
        var icl = Assert.Single(posts, p => p.Text.Contains("上下文学习", StringComparison.Ordinal) && p.Title.Contains("ICLR", StringComparison.Ordinal));
        Assert.Equal(["paperweekly", "ml-frontier"], icl.Sources.Select(s => s.SourceId));
        // Whichever feed was read first, the original (published a day before the repost) represents the post.
        Assert.Equal("paperweekly", icl.SourceId);
        Assert.DoesNotContain("转载", icl.Title, StringComparison.Ordinal);
        // Whichever of the two feeds was read first holds the post; the other is counted as its copy.
        Assert.Equal(1, report.Sources.Where(s => s.SourceId is "paperweekly" or "ml-frontier").Sum(s => s.Duplicates));
        // Boilerplate around the WeChat article does not leak into the stored post.
        Assert.DoesNotContain("动态列表", icl.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", icl.ContentHtml, StringComparison.OrdinalIgnoreCase);

        // Step-DPO reached us through Weibo (wrapped arXiv link), arXiv, the digest and the CSDN list: one paper.
        var papers = await harness.Papers.GetNewestAsync(new FeedQuery { Limit = 200 });
        var stepDpo = Assert.Single(papers, p => p.ArxivId == "2406.18629");
        Assert.True(stepDpo.SourceCount >= 3, $"Step-DPO covered by {stepDpo.SourceCount} sources");
        Assert.Contains(stepDpo.CodeUrls, u => u.Contains("github.com/dvlab-research/Step-DPO", StringComparison.OrdinalIgnoreCase));
        // A similar but distinct title is a different paper.
        Assert.Contains(papers, p => p.ArxivId == "2407.00782" && p.Id != stepDpo.Id);
        Assert.Contains(papers, p => p.OpenReviewId == "iLUcsecZJp");
    }

    [Fact]
    public async Task Run_Twice_StoresNothingNewTheSecondTime()
    {
        await using var server = await SampleFeedServer.StartAsync();
        await using var harness = new IngestionHarness(azurite, SampleFeedServer.Sources(server));

        var first = await harness.RunAsync();
        var stored = (await harness.Posts.GetNewestAsync(new FeedQuery { Limit = 200 })).Count;
        var second = await harness.RunAsync();

        Assert.True(first.NewPosts > 0);
        Assert.Equal(0, second.NewPosts);
        Assert.All(second.Sources, s => Assert.Equal(SourceOutcome.Unchanged, s.Outcome));
        Assert.Equal(stored, (await harness.Posts.GetNewestAsync(new FeedQuery { Limit = 200 })).Count);
        // The second run asked conditionally and was answered 304.
        Assert.All(SampleFeedServer.Feeds, f => Assert.False(string.IsNullOrEmpty(
            server.RequestsTo("/" + f.Path)[^1].Headers["If-None-Match"].ToString())));
    }

    [Fact]
    public async Task Run_TimeBudgetUsedUp_LeavesSourcesForTheNextRun()
    {
        await using var server = await SampleFeedServer.StartAsync();
        await using var harness = new IngestionHarness(azurite, SampleFeedServer.Sources(server));

        var cut = await harness.RunAsync(new IngestionRunOptions { TimeBudget = TimeSpan.Zero });
        var requestsDuringCutRun = server.Requests.Count;
        var next = await harness.RunAsync();

        Assert.All(cut.Sources, s => Assert.Equal(SourceOutcome.NotReached, s.Outcome));
        Assert.Equal(0, requestsDuringCutRun);
        Assert.All(next.Sources, s => Assert.Equal(SourceOutcome.Ingested, s.Outcome));
    }

    [Fact]
    public async Task Run_HugeFeed_TakesABoundedShareAndTheRestNextRun()
    {
        await using var server = await SampleFeedServer.StartAsync();
        server.Map("/many.xml", Aggregator.Testing.Http.LoopbackResponse.Text(GeneratedFeeds.Rss(10_000), "application/rss+xml; charset=utf-8"));
        var sources = SampleFeedServer.Sources(server).Append(IngestionHarness.Feed("many", server.Url("/many.xml")));
        await using var harness = new IngestionHarness(azurite, sources, ingestion: o => o.MaxNewItemsPerSource = 20);

        var first = await harness.RunAsync();

        var many = first.Sources.Single(s => s.SourceId == "many");
        Assert.Equal(20, many.NewPosts);
        Assert.Contains(many.Warnings, w => w.Contains("next run", StringComparison.Ordinal));
        Assert.All(first.Sources.Where(s => s.SourceId != "many"), s => Assert.Equal(SourceOutcome.Ingested, s.Outcome));
    }
}
