using System.Text.RegularExpressions;

namespace Aggregator.Papers;

internal enum PostLabel
{
    None,
    Title,
    Authors,
    Abstract,
    Summary,

    /// <summary>Any other "Name:" line that opens a part of a paper's entry (links, keywords, takeaways).</summary>
    Other,
}

/// <summary>
/// Reads the labels posts put before a paper's fields: "论文标题：", "Title:", "Authors:", "作者：", "Abstract:", "摘要：",
/// "Summary:", "总结：", "AI 摘要", "TL;DR:". A label either carries its value on the same line or introduces the blocks
/// below it.
/// </summary>
internal static partial class PostLabels
{
    [GeneratedRegex(@"^\s*(?:\*\*)?(?<label>论文标题|论文题目|论文名称|论文名|文章标题|标题|题目|paper\s*title|paper|title)(?:\*\*)?\s*[:：]\s*(?<value>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex TitleLabel();

    [GeneratedRegex(@"^\s*(?:\*\*)?(?<label>authors?|作者|论文作者)(?:\*\*)?\s*[:：]\s*(?<value>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorsLabel();

    [GeneratedRegex(@"^\s*(?:\*\*)?(?<label>abstract|摘要|论文摘要)(?:\*\*)?\s*(?:[:：]\s*(?<value>.*))?$", RegexOptions.IgnoreCase)]
    private static partial Regex AbstractLabel();

    [GeneratedRegex(@"^\s*(?:\*\*)?(?<label>summary|总结|ai\s*摘要|ai\s*总结|一句话总结|tl;?\s*dr)(?:\*\*)?\s*(?:[:：]\s*(?<value>.*))?$", RegexOptions.IgnoreCase)]
    private static partial Regex SummaryLabel();

    [GeneratedRegex(@"^\s*[^\s:：]{1,20}(?:\s[^\s:：]{1,20}){0,2}\s*[:：]\s*$")]
    private static partial Regex BareLabel();

    [GeneratedRegex(@"^\s*(?:key\s*takeaways|keywords|关键字|关键词|主要内容|文章链接|相关链接|论文链接|代码链接|论文及项目相关链接|点此查看论文截图|关于作者|更多阅读)\s*[:：]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex KnownSectionLabel();

    [GeneratedRegex(@"\s*(?:,|，|、|;|；|\band\b|&)\s*")]
    private static partial Regex AuthorSeparator();

    public static (PostLabel Label, string Value) Read(string text)
    {
        if (TitleLabel().Match(text) is { Success: true } title)
        {
            return (PostLabel.Title, title.Groups["value"].Value.Trim());
        }

        if (AuthorsLabel().Match(text) is { Success: true } authors)
        {
            return (PostLabel.Authors, authors.Groups["value"].Value.Trim());
        }

        if (AbstractLabel().Match(text) is { Success: true } summaryOfPaper)
        {
            return (PostLabel.Abstract, summaryOfPaper.Groups["value"].Value.Trim());
        }

        if (SummaryLabel().Match(text) is { Success: true } summary)
        {
            return (PostLabel.Summary, summary.Groups["value"].Value.Trim());
        }

        return KnownSectionLabel().IsMatch(text) || BareLabel().IsMatch(text) ? (PostLabel.Other, "") : (PostLabel.None, "");
    }

    [GeneratedRegex(@"^\s*[^\s:：]{1,8}\s*[:：]")]
    private static partial Regex ShortLabelPrefix();

    /// <summary>"关于作者：…", "Note: …": a line that opens a part of the post of its own.</summary>
    public static bool StartsWithLabel(string text) => ShortLabelPrefix().IsMatch(text);

    public static IReadOnlyList<string> SplitAuthors(string value) =>
        AuthorSeparator().Split(value)
            .Select(a => a.Trim().TrimEnd('*', '†', '‡', '.').Trim())
            .Where(a => a.Length is > 1 and < 80)
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
