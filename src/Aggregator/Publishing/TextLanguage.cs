namespace Aggregator.Publishing;

/// <summary>
/// Tells Chinese text from the rest by its script, for the <c>lang</c> of an item and the language of its labels. A
/// stored language tag is preferred where there is one; this is for what carries none (summaries, papers).
/// </summary>
internal static class TextLanguage
{
    public const string Chinese = "zh";
    public const string English = "en";

    /// <summary>"zh" when Han characters make up a fair share of the letters (a few in an English title do not), else "en".</summary>
    public static string Guess(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return English;
        }

        int han = 0, letters = 0;
        foreach (var c in text)
        {
            if (IsHan(c))
            {
                han++;
                letters++;
            }
            else if (char.IsLetter(c))
            {
                letters++;
            }
        }

        // Compared as words: a Chinese word is one or two characters, an English one about five letters.
        return han > 0 && han * 10 >= (letters - han) * 3 ? Chinese : English;
    }

    /// <summary>The stored tag when it is usable ("zh-CN" → "zh"), else the script's guess.</summary>
    public static string Of(string? storedLanguage, string? text)
    {
        if (!string.IsNullOrWhiteSpace(storedLanguage))
        {
            var tag = storedLanguage.Trim();
            var dash = tag.IndexOfAny(['-', '_']);
            var primary = (dash < 0 ? tag : tag[..dash]).ToLowerInvariant();
            if (primary.Length is >= 2 and <= 3 && primary.All(char.IsAsciiLetterLower))
            {
                return primary;
            }
        }

        return Guess(text);
    }

    public static bool IsChinese(string? text) => Guess(text) == Chinese;

    private static bool IsHan(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';
}
