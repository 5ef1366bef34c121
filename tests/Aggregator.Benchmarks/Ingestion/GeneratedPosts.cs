using System.Text;
using Aggregator.Parsing;

namespace Aggregator.Benchmarks.Ingestion;

/// <summary>
/// New, mutually distinct posts of realistic length for the ingest-cost benchmark. Each names a new paper (arXiv id and
/// title) and every other one also an already-stored paper, so both the create and the update path of papers are paid.
/// </summary>
internal static class GeneratedPosts
{
    private static readonly string[] Words =
    [
        "模型", "推理", "偏好", "对齐", "数据", "训练", "评测", "方法", "实验", "结果", "上下文", "学习", "智能体", "检索",
        "preference", "reasoning", "alignment", "benchmark", "retrieval", "agent", "tokens", "latency", "diffusion",
        "transformer", "sparse", "attention", "reward", "policy", "sampling", "distillation", "quantization", "memory",
    ];

    public static FeedItem Item(int seed, int seededPapers)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        text.Append($"<p>论文标题：Generated Paper {seed}: {Words[random.Next(14, Words.Length)]} at scale</p>");
        text.Append($"<p>论文链接：https://arxiv.org/abs/2410.{seed % 100_000:D5}</p>");
        for (var sentence = 0; sentence < 12; sentence++)
        {
            text.Append("<p>");
            for (var w = 0; w < 18; w++)
            {
                text.Append(Words[random.Next(Words.Length)]).Append(' ');
            }

            text.Append(random.Next()).Append("。</p>");
        }

        if (seed % 2 == 0)
        {
            // A second paper, already stored: the post becomes a two-entry list, as digests are.
            var known = random.Next(seededPapers);
            text.Append($"<p>论文标题：{StoreSeeder.SeededTitle(known)}</p>");
            text.Append($"<p>arXiv:{StoreSeeder.SeededArxivId(known)}，代码 <a href=\"https://github.com/example/repo-{seed}\">GitHub</a></p>");
        }

        return new FeedItem
        {
            Id = $"bench-{seed}",
            Link = $"https://bench.example/posts/{seed}",
            Title = $"Benchmark post {seed}",
            Content = text.ToString(),
            PublishingDate = DateTimeOffset.UtcNow,
        };
    }
}
