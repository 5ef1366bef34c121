namespace Aggregator.Summaries;

/// <summary>
/// Tells Chinese from English, the two languages our sources write in. "zh" when CJK ideographs dominate: at least
/// half as many ideographs as Latin letters. One ideograph carries about as much as a short English word, so Chinese
/// posts full of English terms ("Flash STU架构在固定参数预算下优于Transformer") still count as Chinese, while an English
/// post naming a Chinese lab stays English. Anything else, including text without letters, is "en".
/// </summary>
public static class LanguageDetector
{
    public const string Chinese = "zh";

    public const string English = "en";

    public static string Detect(ReadOnlySpan<char> text)
    {
        var ideographs = 0;
        var latin = 0;
        foreach (var c in text)
        {
            if (c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf' or >= '\uf900' and <= '\ufaff')
            {
                ideographs++;
            }
            else if (char.IsAsciiLetter(c))
            {
                latin++;
            }
        }

        return ideographs > 0 && ideographs * 2 >= latin ? Chinese : English;
    }

    /// <summary>
    /// The language to summarise in. The text decides when it has at least <see cref="DecisiveLetters"/> letters,
    /// because a source's configured language is only a default (Chinese digests carry English abstracts); the hint
    /// decides for short texts, when it names a language we summarise in.
    /// </summary>
    public static string Resolve(string? hint, ReadOnlySpan<char> text)
    {
        var letters = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c) && ++letters >= DecisiveLetters)
            {
                return Detect(text);
            }
        }

        if (!string.IsNullOrWhiteSpace(hint))
        {
            var primary = hint.Trim().Split('-', '_')[0].ToLowerInvariant();
            if (primary is Chinese or English)
            {
                return primary;
            }
        }

        return Detect(text);
    }

    private const int DecisiveLetters = 40;
}
