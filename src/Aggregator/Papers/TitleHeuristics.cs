using System.Text.RegularExpressions;

namespace Aggregator.Papers;

/// <summary>
/// Decides whether a line reads as a paper title. Strict (for unlabelled headings and list entries): mostly Latin,
/// 3–30 words, title case or a "Name: subtitle" shape, no sentence end, no URL, not a generic section name. Lenient (for
/// lines a label or an author line vouches for): any script, not generic, not a sentence.
/// </summary>
internal static partial class TitleHeuristics
{
    private static readonly HashSet<string> GenericSections = new(StringComparer.Ordinal)
    {
        "introduction", "abstract", "summary", "relatedwork", "relatedworks", "background", "method", "methods",
        "methodology", "approach", "experiment", "experiments", "results", "evaluation", "conclusion", "conclusions",
        "discussion", "references", "acknowledgements", "acknowledgments", "appendix", "contents", "tableofcontents",
        "keywords", "keytakeaways", "overview", "motivation", "limitations", "futurework", "paper", "papers", "title",
        "authors", "code", "links", "tldr", "news", "updates", "citation", "license", "contributing", "installation",
        "usage", "quickstart", "gettingstarted", "requirements", "dataset", "datasets", "benchmark", "benchmarks",
        "摘要", "引言", "介绍", "总结", "结论", "方法", "实验", "相关工作", "参考文献", "关键字", "关键词", "主要内容",
        "文章链接", "相关链接", "论文链接", "代码链接", "作者", "背景", "前言", "简介", "目录", "更多阅读",
    };

    private static readonly HashSet<string> MinorWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "for", "and", "or", "nor", "in", "on", "with", "to", "via", "from", "by", "at", "as",
        "is", "are", "be", "vs", "vs.", "versus", "into", "over", "under", "without", "through", "per", "than", "but",
        "its", "their", "your", "our", "can", "do", "does", "not", "when", "what", "how", "why", "all", "you", "we",
    };

    [GeneratedRegex(@"^\s*(?:#{1,6}\s*)?(?:(?:No\.|Paper|论文|第)\s*\d{1,3}\s*(?:篇)?\s*[:：.、]?\s*|\d{1,3}\s*(?:[.、)）:：]|\.\s)\s*|[一二三四五六七八九十]{1,3}\s*[.、)）:：]\s*|\[\d{1,3}\]\s*|[(（]\d{1,3}[)）]\s*)")]
    private static partial Regex Numbering();

    [GeneratedRegex(@"^\s*(?:【[^】]{0,40}】|\[[^\]]{0,40}\]|\((?:[A-Z][A-Za-z]*\s*'?\d{2,4}[^)]*)\))\s*")]
    private static partial Regex LeadingTag();

    // Annotations a list writer appends to a title: anything in full-width brackets (Latin titles never use them), a
    // parenthesis holding Chinese or a venue and year, and a dash followed by a Chinese note ("— ResNet，残差连接").
    [GeneratedRegex(@"\s*(?:（[^）]*）|[(][^)]*[\u4e00-\u9fff][^)]*[)]|[(（](?:[A-Z][A-Za-z\-]*\s*)?'?(?:19|20)?\d{2}(?:\s+[A-Za-z]+)?[)）]|【[^】]*】|\s[—–-]{1,2}\s[^—–]*[\u4e00-\u9fff\uff0c][^—–]*)\s*$")]
    private static partial Regex TrailingTag();

    [GeneratedRegex(@"https?://|www\.|\.com\b|@", RegexOptions.IgnoreCase)]
    private static partial Regex LooksLikeAddress();

    private const int MaxTitleLineChars = 400;

    [GeneratedRegex(@"#[^#\s][^#\n]{0,29}#")]
    private static partial Regex Hashtag();

    [GeneratedRegex(@"【(?<t>[^】]{12,300})】|《(?<t>[^》]{12,300})》|“(?<t>[^”]{12,300})”|""(?<t>[^""]{12,300})""")]
    private static partial Regex Bracketed();

    /// <summary>Titles a free-text line may carry: the whole cleaned line, then text inside 【】, 《》 or quotes.</summary>
    public static IEnumerable<string> Candidates(string line)
    {
        yield return Clean(line);
        foreach (Match match in Bracketed().Matches(line))
        {
            yield return Clean(match.Groups["t"].Value);
        }
    }

    /// <summary>The title in a line: numbering, markdown, hashtags, emphasis, quotes and venue tags taken off.</summary>
    public static string Clean(string line)
    {
        // A line this long is prose, never a title; cleaning it would only cost time.
        if (line.Length > MaxTitleLineChars)
        {
            return line.Trim();
        }

        var text = Hashtag().Replace(line, " ").Trim();
        for (var i = 0; i < 3; i++)
        {
            var before = text;
            text = Numbering().Replace(text, "", 1);
            text = LeadingTag().Replace(text, "", 1);
            text = TrailingTag().Replace(text, "", 1);
            text = text.Trim().Trim('*', '_', '`', '"', '“', '”', '「', '」', '『', '』', '\'').Trim();
            if (text.StartsWith('《') && text.EndsWith('》'))
            {
                text = text[1..^1].Trim();
            }

            if (text == before)
            {
                break;
            }
        }

        return text;
    }

    public static bool IsGeneric(string text)
    {
        var folded = new string(text.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
        return folded.Length == 0 || GenericSections.Contains(folded);
    }

    public static bool IsMostlyLatin(string text)
    {
        var letters = text.Where(char.IsLetter).ToList();
        return letters.Count > 0 && letters.Count(c => c < 0x250) >= letters.Count * 0.85;
    }

    /// <summary>Lines a label or an author line vouches for: bounded length, no address, not a generic name.</summary>
    public static bool IsLenientTitle(string title)
    {
        if (title.Length is < 6 or > 300 || LooksLikeAddress().IsMatch(title) || IsGeneric(title)
            || title.EndsWith(':') || title.EndsWith('：'))
        {
            return false;
        }

        return !IsMostlyLatin(title) || Words(title).Count >= 2;
    }

    /// <summary>Lines nothing vouches for: they must look like an English paper title.</summary>
    public static bool IsStrictTitle(string title)
    {
        if (title.Length is < 12 or > 250 || !IsMostlyLatin(title) || LooksLikeAddress().IsMatch(title) || IsGeneric(title))
        {
            return false;
        }

        var words = Words(title);
        if (words.Count is < 3 or > 30 || title.EndsWith('.') || title.EndsWith('!') || title.EndsWith(':')
            || HasSentenceBreak(title))
        {
            return false;
        }

        var first = words[0].FirstOrDefault(char.IsLetterOrDigit);
        if (first == default || char.IsLower(first) && !words[0].Any(char.IsUpper))
        {
            return false;
        }

        var significant = words.Where(w => w.Any(char.IsLetter) && !MinorWords.Contains(w.ToLowerInvariant())).ToList();
        if (significant.Count < 2)
        {
            return false;
        }

        var capitalised = significant.Count(w => w.Any(char.IsUpper));
        return capitalised >= significant.Count * 0.6 || (HasNameColon(title) && capitalised >= significant.Count * 0.3);
    }

    /// <summary>A sentence-case title, accepted only where a list of titles vouches for it: Latin, 3–30 words, capital first.</summary>
    public static bool IsPlainTitle(string title) =>
        title.Length is >= 12 and <= 250 && IsMostlyLatin(title) && !LooksLikeAddress().IsMatch(title) && !IsGeneric(title)
        && Words(title).Count is >= 3 and <= 30 && char.IsUpper(title[0])
        && !title.EndsWith('.') && !HasSentenceBreak(title);

    /// <summary>"Step-DPO: Step-wise …": a short capitalised name, a colon and a space, then the subtitle.</summary>
    public static bool HasNameColon(string title)
    {
        var colon = title.IndexOf(": ", StringComparison.Ordinal);
        if (colon < 2)
        {
            return false;
        }

        var name = Words(title[..colon]);
        return name.Count <= 6 && name.All(w => w.Any(char.IsUpper) || MinorWords.Contains(w.ToLowerInvariant()));
    }

    /// <summary>". " that ends a sentence, not an abbreviation such as "vs." or "et al.".</summary>
    private static bool HasSentenceBreak(string title)
    {
        foreach (Match match in SentenceBreak().Matches(title))
        {
            if (!MinorWords.Contains(match.Groups["word"].Value.ToLowerInvariant() + ".") && match.Groups["word"].Value is not ("al" or "e.g" or "i.e" or "etc" or "St" or "Dr" or "No"))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"(?<word>[\w.]+)\.\s")]
    private static partial Regex SentenceBreak();

    public static IReadOnlyList<string> Words(string text) =>
        text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
}
