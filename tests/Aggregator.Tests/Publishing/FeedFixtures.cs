using Aggregator.Sources;
using Aggregator.Storage;

namespace Aggregator.Tests.Publishing;

/// <summary>
/// Posts and papers shaped like the real sources (a Chinese WeChat digest with Weibo images, an English blog post), with
/// the characters that break naive feed writers: markup characters, "]]>", emoji, controls and a lone surrogate.
/// </summary>
internal static class FeedFixtures
{
    public const string TrickyText = "多模态大模型 🚀 R&D <tag> ]]> end";

    public static readonly DateTimeOffset Base = new(2024, 6, 10, 8, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<SourceDefinition> Sources { get; } =
    [
        new() { Id = "paperweekly", Name = "PaperWeekly 公众号", Url = new Uri("https://example.org/paperweekly.xml"), Type = SourceType.Feed, Language = "zh" },
        new() { Id = "hf-blog", Name = "Hugging Face Blog", Url = new Uri("https://example.org/hf.xml"), Type = SourceType.Feed },
        new() { Id = "weibo-ai", Name = "AI 微博 & friends", Url = new Uri("https://example.org/weibo"), Type = SourceType.Page },
    ];

    public static Post ChinesePost(DateTimeOffset? firstSeen = null) => new()
    {
        Id = "post-zh-1",
        SourceId = "paperweekly",
        SourceName = "PaperWeekly 公众号",
        Title = "ICML 2024 | 多模态大模型新进展 🚀 & <更多>",
        Link = "https://mp.weixin.qq.com/s/AbCdEf123",
        Authors = ["张三"],
        Published = Base.AddHours(-2),
        FirstSeen = firstSeen ?? Base,
        ContentHtml = "<p>正文：" + Escape(TrickyText) + "\u0001\u000B\uFFFE\uD800 bad chars removed</p>"
            + "<p><img src=\"https://wx2.sinaimg.cn/large/abc123.jpg\" alt=\"图\"></p>"
            + "<p><img data-src=\"https://mmbiz.qpic.cn/mmbiz_jpg/xyz/640?wx_fmt=jpeg\" src=\"data:image/gif;base64,R0lGOD\"></p>"
            + "<p><img src=\"https://example.org/ordinary.png\"></p>",
        Text = "正文 " + TrickyText,
        Summary = "本文介绍了 " + TrickyText,
        Summarizer = "llm:qwen2.5-7b",
        Papers =
        [
            new PostPaper("arxiv:2406.05946", "Multimodal <Large> Models & Friends", "https://arxiv.org/abs/2406.05946"),
            new PostPaper("doi:10.1000/xyz", "第二篇论文", "https://doi.org/10.1000/xyz"),
        ],
        Sources =
        [
            new PostSource("paperweekly", "PaperWeekly 公众号", "https://mp.weixin.qq.com/s/AbCdEf123", Base),
            new PostSource("weibo-ai", "AI 微博 & friends", "https://weibo.com/1234/Nabc", Base.AddHours(1)),
        ],
    };

    public static Post EnglishPost(string id, DateTimeOffset firstSeen, string sourceId = "hf-blog", string title = "A blog post about DPO") => new()
    {
        Id = id,
        SourceId = sourceId,
        SourceName = Sources.First(s => s.Id == sourceId).Name,
        Title = title,
        Link = $"https://example.org/posts/{id}",
        Published = firstSeen.AddMinutes(-30),
        FirstSeen = firstSeen,
        ContentHtml = "<p>Direct preference optimisation, explained.</p>",
        Summary = "An explainer of DPO.",
        Summarizer = "extractive",
        Sources = [new PostSource(sourceId, Sources.First(s => s.Id == sourceId).Name, $"https://example.org/posts/{id}", firstSeen)],
    };

    public static Paper Paper(string id, DateTimeOffset firstSeen, int sources, string title = "Direct Preference Optimization") => new()
    {
        Id = id,
        Title = title,
        Authors = ["Rafael Rafailov", "王五"],
        ArxivId = id.StartsWith("arxiv:", StringComparison.Ordinal) ? id["arxiv:".Length..] : null,
        CodeUrls = ["https://github.com/eric-mitchell/direct-preference-optimization"],
        Summary = "Trains a policy from preferences without a reward model. " + TrickyText,
        Summarizer = "extractive",
        FirstSeen = firstSeen,
        LastSeen = firstSeen.AddHours(sources),
        Updated = firstSeen.AddHours(sources),
        Coverage = Enumerable.Range(0, sources)
            .Select(i => new PaperCoverage($"post-{id}-{i}", Sources[i % Sources.Count].Id, Sources[i % Sources.Count].Name, $"Coverage {i} of {title}", $"https://example.org/cover/{i}", firstSeen.AddHours(i)))
            .ToList(),
    };

    public static List<Post> ManyPosts(int count) =>
        Enumerable.Range(0, count).Select(i => EnglishPost($"post-{i:D3}", Base.AddMinutes(-i), title: $"Post number {i:D3}")).ToList();

    public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
