using System.Globalization;
using System.Security;
using System.Text;
using Aggregator.Storage;
using Aggregator.Testing.Azurite;
using Aggregator.Testing.Http;

namespace Aggregator.Tests.Ingestion;

/// <summary>
/// Several instances (separate service providers: nothing shared but the store) ingesting at the same moment, each over
/// the same sources, which carry copies of the same posts and mention the same papers. Nothing may be stored twice and
/// nothing recorded by one instance may be lost to another.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class ConcurrentIngestionTests(AzuriteFixture azurite)
{
    private const int Sources = 4;
    private const int Articles = 6;
    private const int Instances = 4;

    [Fact]
    public async Task FourInstances_IngestingCopiesAtOnce_StoreEachPostAndPaperOnceWithEverySource()
    {
        await using var server = await LoopbackServer.StartAsync();
        var sources = Enumerable.Range(0, Sources).Select(s => IngestionHarness.Feed($"src{s}", server.Url($"/feed{s}.xml"))).ToList();
        for (var s = 0; s < Sources; s++)
        {
            server.Map($"/feed{s}.xml", LoopbackResponse.Text(FeedCarryingCopies(s, server.BaseUri), "application/rss+xml; charset=utf-8"));
        }

        // Races are timing-dependent: repeat on fresh stores so a lost update or a double insert gets its chances.
        for (var round = 0; round < 4; round++)
        {
            var prefix = "c" + Guid.NewGuid().ToString("N")[..10];
            var instances = Enumerable.Range(0, Instances).Select(_ => new IngestionHarness(azurite, sources, tablePrefix: prefix)).ToList();
            try
            {
                var reports = await Task.WhenAll(instances.Select(i => Task.Run(() => i.RunAsync())));
                var problems = reports.SelectMany(r => r.Sources).SelectMany(s => s.Warnings.Append(s.Message ?? "")).Where(w => w.Length > 0).ToList();
                Assert.True(problems.Count == 0, string.Join("\n", problems));

                var posts = await instances[0].Posts.GetNewestAsync(new FeedQuery { Limit = 500 });
                Assert.Equal(Articles, posts.Count);
                Assert.Equal(Articles, posts.Select(p => p.Title).Distinct().Count());
                Assert.All(posts, p => Assert.True(
                    Enumerable.Range(0, Sources).Select(s => $"src{s}").SequenceEqual(p.Sources.Select(c => c.SourceId).Distinct().Order(StringComparer.Ordinal)),
                    $"{p.Title} ({p.Id}) lists {string.Join(", ", p.Sources.Select(c => c.SourceId + " " + c.Link))}"));

                var papers = await instances[0].Papers.GetNewestAsync(new FeedQuery { Limit = 500 });
                for (var a = 0; a < Articles; a++)
                {
                    var paper = Assert.Single(papers, p => p.ArxivId == ArxivId(a));
                    // Covered once, by the one stored post: a copy that lost its race took its coverage back.
                    var coverage = Assert.Single(paper.Coverage);
                    Assert.Contains(posts, p => p.Id == coverage.PostId && p.Papers.Any(r => r.PaperId == paper.Id));
                }

                Assert.Equal(Articles, papers.Count);
            }
            finally
            {
                foreach (var instance in instances)
                {
                    await instance.DisposeAsync();
                }
            }
        }
    }

    // Unrelated subjects, so that distinct articles are far apart as texts and only copies are near-duplicates.
    private static readonly string[] Topics =
    [
        "逐步偏好优化把数学推理拆成单步，每一步单独比较好坏，Step-DPO 在 MATH 与 GSM8K 上超过了原始 DPO 的成绩。",
        "Vision transformers trained with masked autoencoding learn features that transfer to detection and segmentation with little labelled data.",
        "检索增强生成让模型在回答之前先查文档库，幻觉明显减少，但检索器的召回率成了新的瓶颈，作者提出联合训练两者。",
        "Speculative decoding drafts several tokens with a small model and verifies them in one pass of the large model, doubling throughput.",
        "图神经网络在分子性质预测上的过平滑问题，被一种新的残差归一化缓解，层数加深到六十四层仍然稳定收敛。",
        "Reinforcement learning from human feedback for code: unit-test rewards replace preference labels and the policy learns to fix failing tests.",
    ];

    private static string ArxivId(int article) => $"2406.{18600 + article:D5}";

    /// <summary>
    /// Source <paramref name="source"/>'s feed: every article, in its own words around the same body (a repost keeps the
    /// text), with its own guid and link, except that sources 0 and 1 share one link per article (the same URL
    /// syndicated twice), so both the identity path and the near-duplicate path race.
    /// </summary>
    private static string FeedCarryingCopies(int source, Uri baseUri)
    {
        var items = new StringBuilder();
        for (var a = 0; a < Articles; a++)
        {
            var link = source <= 1 ? new Uri(baseUri, $"/shared/article-{a}") : new Uri(baseUri, $"/src{source}/article-{a}");
            var body = string.Join("", Enumerable.Range(0, 4).Select(p => $"<p>{Topics[a]} ({p})</p>"))
                + $"<p>论文地址 https://arxiv.org/abs/{ArxivId(a)}</p>";
            items.Append(CultureInfo.InvariantCulture, $"""
                <item>
                  <title>论文解读 {a}：偏好优化的第 {a} 种思路</title>
                  <link>{SecurityElement.Escape(link.AbsoluteUri)}</link>
                  <guid isPermaLink="false">src{source}-item-{a}</guid>
                  <pubDate>Mon, 0{1 + a % 8} Jul 2024 08:00:00 GMT</pubDate>
                  <description>{SecurityElement.Escape(body)}</description>
                </item>
                """);
        }

        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Source {source}</title><link>{baseUri}</link><description>copies</description>
            {items}
            </channel></rss>
            """;
    }
}
