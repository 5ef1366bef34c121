using System.Net;
using System.Text;
using Aggregator.Testing.Paths;

namespace Aggregator.Testing.Extraction;

/// <summary>
/// The labelled pages extraction is measured on: the committed fixtures (tests/Aggregator.Tests/Extraction/testdata,
/// each page beside its ".labels.txt"), and the shared samples turned into the pages or item contents they came from.
/// </summary>
public static class LabelledPages
{
    private static readonly (string File, string BaseUri)[] Fixtures =
    [
        ("wechat-article.html", "https://mp.weixin.qq.com/s?__biz=MzIwMTc4ODE0Mw==&mid=2247712345&idx=1&sn=0a1b2c3d4e5f60718293a4b5c6d7e8f9"),
        ("csdn-post.html", "https://blog.csdn.net/xiaoming_ai/article/details/147456789"),
        ("weibo-post.html", "https://m.weibo.cn/detail/5160123456789012"),
        ("english-blog.html", "https://notebook.example.org/2025/03/14/what-dpo-actually-optimises/"),
    ];

    public static string FixtureFolder => RepositoryPaths.InRoot("tests", "Aggregator.Tests", "Extraction", "testdata");

    public static IReadOnlyList<LabelledPage> FromFixtures() =>
    [
        .. Fixtures.Select(f => new LabelledPage(
            f.File,
            File.ReadAllText(Path.Combine(FixtureFolder, f.File)),
            new Uri(f.BaseUri),
            ExtractionLabels.Load(Path.Combine(FixtureFolder, Path.ChangeExtension(f.File, ".labels.txt"))))),
    ];

    /// <summary>The shared samples as pages, or empty when ../shared is absent.</summary>
    public static IReadOnlyList<LabelledPage> FromSharedSamples()
    {
        if (RepositoryPaths.Shared is not { } shared)
        {
            return [];
        }

        var samples = Path.Combine(shared, "samples");
        return
        [
            WeChatPage(File.ReadAllLines(Path.Combine(samples, "wechat-paperweekly-article.txt"))),
            ItemContent("chatpaper-digest.txt (as item content)", File.ReadAllLines(Path.Combine(samples, "chatpaper-digest.txt")), "https://example.org/chatpaper/2025-04-13"),
            ItemContent("github-dpo-collection.md (as item content)", File.ReadAllLines(Path.Combine(samples, "github-dpo-collection.md")), "https://github.com/example/iclr2025-dpo/blob/main/README.md"),
        ];
    }

    /// <summary>
    /// The WeChat capture as the page it came from: the "动态列表" bullets before the title as a list of links (how
    /// the page has them), the title as h1, the body as paragraphs and lists. Labels: every body line from the
    /// first paragraph after the byline up to "更多阅读" is kept; every headline is junk.
    /// </summary>
    private static LabelledPage WeChatPage(string[] lines)
    {
        var titleIndex = Array.FindIndex(lines, 1, l => l.Trim().Length > 0 && !IsBullet(l));
        var endIndex = Array.FindIndex(lines, titleIndex, l => l.Trim() == "更多阅读");
        var html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
            .Append(Encode(lines[titleIndex])).Append("</title></head>\n<body>\n<p>").Append(Encode(lines[0])).Append("</p>\n<ul>\n");
        var junk = new List<string>();
        for (var i = 1; i < titleIndex; i++)
        {
            if (IsBullet(lines[i]))
            {
                var headline = Unbullet(lines[i]);
                junk.Add(headline);
                html.Append("<li><a href=\"https://mp.weixin.qq.com/s/dynamic-").Append(i).Append("\">").Append(Encode(headline)).Append("</a></li>\n");
            }
        }

        html.Append("</ul>\n<h1>").Append(Encode(lines[titleIndex])).Append("</h1>\n");
        var keep = new List<string>();
        var inList = false;
        var firstKept = Array.FindIndex(lines, titleIndex + 1, l => l.Trim().Length > 0) + 1;
        for (var i = titleIndex + 1; i < lines.Length; i++)
        {
            var text = lines[i].Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var bullet = IsBullet(lines[i]);
            if (bullet != inList)
            {
                html.Append(bullet ? "<ul>\n" : "</ul>\n");
                inList = bullet;
            }

            text = bullet ? Unbullet(lines[i]) : text;
            html.Append(bullet ? "<li>" : "<p>").Append(Encode(text)).Append(bullet ? "</li>\n" : "</p>\n");
            if (i >= firstKept && i < endIndex)
            {
                keep.Add(text);
            }
        }

        html.Append(inList ? "</ul>\n" : string.Empty).Append("</body></html>\n");
        return new LabelledPage(
            "wechat-paperweekly-article.txt (as page)", html.ToString(), new Uri("https://mp.weixin.qq.com/s/paperweekly-sample"), new ExtractionLabels(keep, junk));
    }

    /// <summary>A post's text as a feed item's content: every line a paragraph, every substantial line kept.</summary>
    private static LabelledPage ItemContent(string name, string[] lines, string baseUri)
    {
        var html = new StringBuilder();
        var keep = new List<string>();
        foreach (var line in lines.Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            // Markdown keeps its inline HTML (links); everything else is text.
            html.Append("<p>").Append(line.Contains('<', StringComparison.Ordinal) ? line : Encode(line)).Append("</p>\n");
            if (line.Length >= 20 && !line.Contains('<', StringComparison.Ordinal))
            {
                keep.Add(line);
            }
        }

        return new LabelledPage(name, html.ToString(), new Uri(baseUri), new ExtractionLabels(keep, []));
    }

    private static bool IsBullet(string line) => line.TrimStart().StartsWith('•');

    private static string Unbullet(string line) => line.TrimStart().TrimStart('•').Trim();

    private static string Encode(string text) => WebUtility.HtmlEncode(text.Trim());
}
