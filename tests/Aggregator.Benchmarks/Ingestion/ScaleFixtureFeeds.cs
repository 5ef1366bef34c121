using System.Globalization;
using System.Security;
using System.Text;
using Aggregator.Testing.Http;
using Microsoft.AspNetCore.Http;

namespace Aggregator.Benchmarks.Ingestion;

/// <summary>
/// The ingest-scale sources on one loopback server: <c>/feed/N.xml</c>, each a realistic RSS feed of distinct
/// Chinese posts. Most answer in 50 ms, one in four takes 1.5 s (a slow blog host) and one in twenty answers 500, so
/// the run is dominated by waiting on the network, as ingestion is in production.
/// </summary>
internal static class ScaleFixtureFeeds
{
    public const int ItemsPerFeed = 3;

    private static readonly string Vocabulary =
        "模型训练推理数据对齐偏好优化检索增强生成视觉语言多模态强化学习奖励策略评测基准蒸馏量化稀疏注意力长上下文代码数学规划智能体工具调用";

    public static bool IsFailing(int feed) => feed % 20 == 7;

    public static bool IsSlow(int feed) => feed % 4 == 1;

    public static LoopbackResponse Responder() => LoopbackResponse.Handler(async context =>
    {
        var path = context.Request.Path.Value ?? "";
        if (!path.StartsWith("/feed/", StringComparison.Ordinal) || !int.TryParse(path[6..^4], CultureInfo.InvariantCulture, out var feed))
        {
            context.Response.StatusCode = 404;
            return;
        }

        await Task.Delay(IsSlow(feed) ? 1_500 : 50, context.RequestAborted);
        if (IsFailing(feed))
        {
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync("upstream exploded", context.RequestAborted);
            return;
        }

        context.Response.ContentType = "application/rss+xml; charset=utf-8";
        await context.Response.WriteAsync(Feed(feed, context.Request.Host.Value ?? "127.0.0.1"), context.RequestAborted);
    });

    private static string Feed(int feed, string host)
    {
        var items = new StringBuilder();
        for (var i = 0; i < ItemsPerFeed; i++)
        {
            var random = new Random(feed * 1_000 + i);
            var text = new StringBuilder();
            for (var c = 0; c < 900; c++)
            {
                text.Append(Vocabulary[random.Next(Vocabulary.Length)]);
                if (c % 40 == 39)
                {
                    text.Append("。</p><p>");
                }
            }

            items.Append(CultureInfo.InvariantCulture, $"""
                <item><title>第 {feed} 号源的第 {i} 篇：{text.ToString(0, 12)}</title>
                <link>http://{host}/feed/{feed}/post/{i}</link><guid isPermaLink="false">scale-{feed}-{i}</guid>
                <pubDate>Tue, 02 Jul 2024 0{i}:00:00 GMT</pubDate>
                <description>{SecurityElement.Escape("<p>" + text + "</p>")}</description></item>
                """);
        }

        return $"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed {feed}</title><link>http://{host}/</link><description>scale</description>{items}</channel></rss>""";
    }
}
