using System.Buffers;
using System.Text.RegularExpressions;

namespace Aggregator.Summaries;

/// <summary>
/// Sentences that never belong in a summary: calls to action and account footers ("点击阅读原文", "扫码关注",
/// "Subscribe…"), copyright lines, figure captions, link lists, and fragments too short to say anything.
/// </summary>
internal static partial class BoilerplateSentence
{
    private static readonly SearchValues<string> Phrases = SearchValues.Create(
    [
        "点击阅读原文", "阅读原文", "扫码关注", "扫描二维码", "长按识别", "长按二维码", "关注公众号", "关注我们", "欢迎关注",
        "点此查看", "点击查看", "点个在看", "点赞在看", "分享给", "投稿通道", "版权声明", "原文链接", "转载请", "本文转载", "免责声明",
        "未经授权", "责任编辑", "返回搜狐", "以下所有内容总结都来自于", "仅供参考", "click here", "subscribe",
        "sign up", "follow us", "follow me", "read more", "all rights reserved", "newsletter", "thanks for reading",
        "originally published", "share this", "leave a comment",
    ], StringComparison.OrdinalIgnoreCase);

    /// <summary>True for calls to action, copyright lines, captions and sentences that are mostly links.</summary>
    public static bool IsBoilerplate(string sentence)
    {
        if (sentence.AsSpan().ContainsAny(Phrases) || Caption().IsMatch(sentence))
        {
            return true;
        }

        var linkChars = 0;
        foreach (Match match in Link().Matches(sentence))
        {
            linkChars += match.Length;
        }

        return linkChars * 5 >= sentence.Length * 2;
    }

    /// <summary>Too short to carry a point: fewer than 8 Chinese characters (plus Latin words) or 5 English words.</summary>
    public static bool IsFragment(string sentence, string language)
    {
        var units = 0;
        var inWord = false;
        foreach (var c in sentence)
        {
            if (SentenceSplitter.IsCjk(c) && char.IsLetter(c))
            {
                units++;
                inWord = false;
            }
            else if (char.IsLetterOrDigit(c))
            {
                units += inWord ? 0 : 1;
                inWord = true;
            }
            else
            {
                inWord = false;
            }
        }

        return units < (language == LanguageDetector.Chinese ? 8 : 5);
    }

    [GeneratedRegex(@"^\s*(?:图|表|Fig(?:ure)?\.?|Table)\s*\d", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Caption();

    [GeneratedRegex(@"(?:https?://|www\.)\S+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();
}
