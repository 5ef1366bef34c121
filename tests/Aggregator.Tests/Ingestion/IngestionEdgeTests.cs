using System.Globalization;
using System.Security;
using System.Text;
using Aggregator.Ingestion;
using Aggregator.Storage;
using Aggregator.Testing.Azurite;
using Aggregator.Testing.Http;
using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Aggregator.Tests.Ingestion;

/// <summary>What hostile or careless feeds do to the store, each found by a probe: it must not duplicate, lose or rewrite posts.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class IngestionEdgeTests(AzuriteFixture azurite)
{
    private const string Article =
        "逐步偏好优化把数学推理拆成单步，每一步单独比较好坏。Step-DPO 在 MATH 与 GSM8K 上超过了原始 DPO 的成绩，" +
        "作者公开了一万条逐步偏好数据和训练代码，论文地址 https://arxiv.org/abs/2406.18629 。" +
        "实验部分比较了七个开源模型，从七十亿到七百亿参数，逐步偏好在每个规模上都带来三到五个点的提升，消融实验表明步骤粒度的比较是关键。";

    [Fact]
    public async Task ShortItem_WithANewGuidAndLinkOnEveryFetch_IsStoredOnce()
    {
        await using var server = await LoopbackServer.StartAsync();
        await using var harness = new IngestionHarness(azurite, [IngestionHarness.Feed("renewer", server.Url("/feed.xml"))]);

        for (var fetch = 0; fetch < 3; fetch++)
        {
            // Under 100 characters, so it has no fingerprint; guid and link are new each time, as some RSSHub routes do.
            server.Map("/feed.xml", Rss(Item($"转发微博 {fetch}", "转发微博", server.Url($"/p/{Guid.NewGuid():N}"), guid: Guid.NewGuid().ToString(), date: "Mon, 01 Jul 2024 08:00:00 GMT")
                .Replace($"转发微博 {fetch}", "转发微博", StringComparison.Ordinal)));
            await harness.RunAsync(new IngestionRunOptions { IgnoreBackoff = true });
        }

        var posts = await harness.Posts.GetNewestAsync(new FeedQuery { Limit = 50 });
        var post = Assert.Single(posts);
        // Its own re-publications are one source on it, not three entries in "Also on".
        Assert.Single(post.Sources);
    }

    [Fact]
    public async Task SourceRepublishingItsPost_UnderNewLinks_IsListedOnceOnIt()
    {
        await using var server = await LoopbackServer.StartAsync();
        await using var harness = new IngestionHarness(azurite, [IngestionHarness.Feed("weibo", server.Url("/feed.xml"))]);

        for (var fetch = 0; fetch < 4; fetch++)
        {
            server.Map("/feed.xml", Rss(Item("Step-DPO 解读", Article, server.Url($"/status/{fetch}"), guid: $"https://weibo.example/{fetch}", date: "Mon, 01 Jul 2024 08:00:00 GMT")));
            await harness.RunAsync(new IngestionRunOptions { IgnoreBackoff = true });
        }

        var post = Assert.Single(await harness.Posts.GetNewestAsync(new FeedQuery { Limit = 50 }));
        Assert.Equal(["weibo"], post.Sources.Select(s => s.SourceId));
    }

    [Fact]
    public async Task CopyWithAForgedOldDate_DoesNotRewriteAnotherSourcesPost()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/real.xml", Rss(Item("Step-DPO：逐步偏好优化", Article, server.Url("/real/step-dpo"), guid: "https://real.example/step-dpo", date: "Mon, 01 Jul 2024 08:00:00 GMT")));
        await using var harness = new IngestionHarness(azurite,
            [IngestionHarness.Feed("real", server.Url("/real.xml")), IngestionHarness.Feed("phish", server.Url("/phish.xml"))]);
        await harness.RunAsync(new IngestionRunOptions { SourceIds = ["real"] });

        // The same text, claiming to be from 2000, linking to its own page, read in the same run window.
        server.Map("/phish.xml", Rss(Item("重要通知：点击领取", Article, server.Url("/phish/login"), guid: "https://phish.example/1", date: "Sat, 01 Jan 2000 00:00:00 GMT")));
        await harness.RunAsync(new IngestionRunOptions { SourceIds = ["phish"] });

        var post = Assert.Single(await harness.Posts.GetNewestAsync(new FeedQuery { Limit = 50 }));
        Assert.Equal("real", post.SourceId);
        Assert.Equal("Step-DPO：逐步偏好优化", post.Title);
        Assert.EndsWith("/real/step-dpo", post.Link, StringComparison.Ordinal);
        // It may add itself to "Also on".
        Assert.Contains(post.Sources, s => s.SourceId == "phish");
    }

    [Fact]
    public async Task HugeItem_IsStoredAsACappedExcerptWithTheLinkToTheOriginal()
    {
        await using var server = await LoopbackServer.StartAsync();
        var huge = string.Concat(Enumerable.Repeat(Article, 5_000)); // about 450,000 characters
        server.Map("/feed.xml", Rss(Item("一篇很长的文章", huge, server.Url("/long"), guid: "https://long.example/1", date: "Mon, 01 Jul 2024 08:00:00 GMT")));
        await using var harness = new IngestionHarness(azurite, [IngestionHarness.Feed("long", server.Url("/feed.xml"))], ingestion: o => o.MaxContentCharacters = 20_000);

        await harness.RunAsync();

        var post = Assert.Single(await harness.Posts.GetNewestAsync(new FeedQuery { Limit = 5 }));
        Assert.True(post.Text.Length <= 20_000, $"stored {post.Text.Length:N0} characters");
        Assert.True(post.ContentHtml.Length < 100_000, $"stored {post.ContentHtml.Length:N0} characters of HTML");
        Assert.Contains(server.Url("/long").AbsoluteUri, post.ContentHtml, StringComparison.Ordinal);
        // The paper named in the text is still found.
        Assert.Contains(post.Papers, p => p.Url.Contains("2406.18629", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CrashAtAnyWriteOfANewPost_IsRepairedByTheNextRun_WithThePostShownOnce()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/feed.xml", Rss(Item("Step-DPO：逐步偏好优化", Article, server.Url("/p/1"), guid: "https://crash.example/1", date: "Mon, 01 Jul 2024 08:00:00 GMT")));
        var sources = new[] { IngestionHarness.Feed("crashy", server.Url("/feed.xml")) };

        // Every write a new post with a paper makes, failed in turn; past the last one nothing trips and the loop ends.
        for (var failAt = 1; ; failAt++)
        {
            var prefix = "k" + Guid.NewGuid().ToString("N")[..10];
            var failure = new WriteFailure(failAt);
            await using (var crashing = new IngestionHarness(azurite, sources, tablePrefix: prefix, configureServices: s => Failing(s, failure)))
            {
                try
                {
                    await crashing.RunAsync();
                }
                catch (Exception) when (failure.Tripped)
                {
                    // The process died here.
                }
            }

            if (!failure.Tripped)
            {
                Assert.True(failAt > 5, $"only {failAt - 1} writes: the test no longer covers a post's writes");
                break;
            }

            await using var restarted = new IngestionHarness(azurite, sources, tablePrefix: prefix);
            await restarted.RunAsync(new IngestionRunOptions { IgnoreBackoff = true });
            await restarted.RunAsync(new IngestionRunOptions { IgnoreBackoff = true });

            var posts = await restarted.Posts.GetNewestAsync(new FeedQuery { Limit = 10 });
            Assert.True(posts.Count == 1, $"crash at write {failAt}: {posts.Count} posts in the feed");
            var post = posts[0];
            Assert.Equal("Step-DPO：逐步偏好优化", post.Title);
            var papers = await restarted.Papers.GetNewestAsync(new FeedQuery { Limit = 10 });
            Assert.True(papers.Count == 1, $"crash at write {failAt}: {papers.Count} papers");
            Assert.True(papers[0].Coverage.Count == 1 && papers[0].Coverage[0].PostId == post.Id, $"crash at write {failAt}: coverage {string.Join(",", papers[0].Coverage.Select(c => c.PostId))}, post {post.Id}");
        }
    }

    private void Failing(IServiceCollection services, WriteFailure failure)
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 0;
        options.AddPolicy(failure, HttpPipelinePosition.PerCall);
        services.Replace(ServiceDescriptor.Singleton(new TableServiceClient(azurite.ConnectionString, options)));
    }

    private static string Item(string title, string text, Uri link, string guid, string date) => $"""
        <item><title>{SecurityElement.Escape(title)}</title><link>{SecurityElement.Escape(link.AbsoluteUri)}</link>
        <guid isPermaLink="false">{SecurityElement.Escape(guid)}</guid><pubDate>{date}</pubDate>
        <description>{SecurityElement.Escape("<p>" + text + "</p>")}</description></item>
        """;

    private static LoopbackResponse Rss(string items) => LoopbackResponse.Text(
        $"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title><link>http://127.0.0.1/</link><description>d</description>{items}</channel></rss>""",
        "application/rss+xml; charset=utf-8");
}
