using System.Text;
using Aggregator.Parsing;

namespace Aggregator.Benchmarks.Ingestion;

/// <summary>New, mutually distinct posts of realistic length, some mentioning a paper, for the ingest-cost benchmark.</summary>
internal static class GeneratedPosts
{
    private static readonly string[] Words =
    [
        "模型", "推理", "偏好", "对齐", "数据", "训练", "评测", "方法", "实验", "结果", "上下文", "学习", "智能体", "检索",
        "preference", "reasoning", "alignment", "benchmark", "retrieval", "agent", "tokens", "latency", "diffusion",
        "transformer", "sparse", "attention", "reward", "policy", "sampling", "distillation", "quantization", "memory",
    ];

    public static FeedItem Item(int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
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
            text.Append("<p>论文：arXiv:2406.18629 与 <a href=\"https://github.com/dvlab-research/Step-DPO\">代码</a></p>");
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
