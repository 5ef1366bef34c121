using System.Text.RegularExpressions;

namespace Aggregator.Summaries;

/// <summary>
/// Splits Chinese, English and mixed text into sentences for extractive summaries. Chinese sentences end at
/// 。！？；… (with any closing quote or bracket after them); Latin ones at . ! ? followed by a space and not after an
/// abbreviation (e.g., et al., Fig., vs.) or an initial. Periods without a following space (3.5, arXiv:2406.05946,
/// v2.1, URLs, e-mail addresses) never split. Line breaks split where the text looks like a list or paragraphs, but not
/// inside a hard-wrapped English sentence.
/// </summary>
public static partial class SentenceSplitter
{
    /// <summary>Lower-case tokens that end with a period without ending the sentence.</summary>
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "i.e", "al", "fig", "figs", "vs", "cf", "eq", "eqs", "sec", "no", "nos", "vol", "pp", "approx", "resp",
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "tab", "ref", "refs", "ch", "ca", "viz", "u.s",
    };

    private const string ClosingMarks = "”’\"'」』）)】》〉]";

    public static IReadOnlyList<string> Split(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var protectedRanges = ProtectedRanges(text);
        var sentences = new List<string>();
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var end = BoundaryAfter(text, i, protectedRanges);
            if (end > 0)
            {
                Add(sentences, text, start, end);
                start = end;
                i = end;
            }
            else
            {
                i++;
            }
        }

        Add(sentences, text, start, text.Length);
        return sentences;
    }

    /// <summary>Index just past the sentence ending at <paramref name="i"/>, or 0 when no sentence ends there.</summary>
    private static int BoundaryAfter(string text, int i, List<(int Start, int End)> protectedRanges)
    {
        var c = text[i];
        if (c == '\n')
        {
            return IsLineBreakBoundary(text, i) ? i + 1 : 0;
        }

        if (c is not ('。' or '！' or '？' or '；' or '…' or '.' or '!' or '?'))
        {
            return 0;
        }

        if (IsProtected(protectedRanges, i))
        {
            return 0;
        }

        // A run of terminators (?!, ……, ...) ends together, then closing quotes and brackets stay with the sentence.
        var end = i + 1;
        while (end < text.Length && text[end] is '。' or '！' or '？' or '…' or '.' or '!' or '?')
        {
            end++;
        }

        while (end < text.Length && ClosingMarks.Contains(text[end], StringComparison.Ordinal))
        {
            end++;
        }

        var next = NextNonSpace(text, end);
        var nextChar = next < text.Length ? text[next] : '\0';
        if (c is '。' or '！' or '？' or '；')
        {
            return end;
        }

        var ellipsis = c == '…' || (c == '.' && end - i >= 3 && text[i + 1] == '.');
        if (ellipsis)
        {
            // Chinese "……" ends a sentence; an English "..." only before a new capitalised sentence.
            return next >= text.Length || IsCjk(nextChar) || (next > end && char.IsUpper(nextChar)) ? end : 0;
        }

        if (next >= text.Length)
        {
            return end;
        }

        if (IsCjk(nextChar))
        {
            // Mixed text: "模型.我们" or "GPT-4!接下来" end a sentence even without a space.
            return end;
        }

        if (next == end)
        {
            // No space after the mark: 3.5, v2.1, arXiv:2406.05946, example.org, "e.g.," and so on.
            return 0;
        }

        if (c == '.' && (IsAbbreviation(text, i) || IsInitial(text, i)))
        {
            return 0;
        }

        // "… et al. (2023)" or "see Fig. 3" are caught above; a lower-case continuation is not a new sentence.
        return char.IsLower(nextChar) ? 0 : end;
    }

    /// <summary>
    /// A line break ends a sentence unless it sits inside a hard-wrapped Latin sentence: the line before ends with a
    /// letter, digit or comma and the next line starts with a lower-case letter.
    /// </summary>
    private static bool IsLineBreakBoundary(string text, int i)
    {
        var before = i - 1;
        while (before >= 0 && text[before] is ' ' or '\t' or '\r')
        {
            before--;
        }

        var after = i + 1;
        while (after < text.Length && text[after] is ' ' or '\t')
        {
            after++;
        }

        if (before < 0 || after >= text.Length)
        {
            return true;
        }

        var last = text[before];
        var first = text[after];
        var wrapped = (char.IsAsciiLetterOrDigit(last) || last is ',' or '-' or ';') && char.IsAsciiLetterLower(first);
        return !wrapped;
    }

    private static bool IsAbbreviation(string text, int period)
    {
        var start = period;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '.') && !IsCjk(text[start - 1]))
        {
            start--;
        }

        return start < period && Abbreviations.Contains(text[start..period]);
    }

    /// <summary>A single capital before the period is an initial ("Y. Isabel Liu"), not a sentence end.</summary>
    private static bool IsInitial(string text, int period) =>
        period >= 1 && char.IsUpper(text[period - 1]) && (period == 1 || !char.IsLetter(text[period - 2]));

    private static int NextNonSpace(string text, int index)
    {
        while (index < text.Length && text[index] is ' ' or '\t' or '\u00a0' or '\u3000')
        {
            index++;
        }

        return index;
    }

    internal static bool IsCjk(char c) =>
        c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf' or >= '\uf900' and <= '\ufaff'
            or >= '\u3040' and <= '\u30ff' or >= '\u3000' and <= '\u303f' or >= '\uff00' and <= '\uffef';

    private static void Add(List<string> sentences, string text, int start, int end)
    {
        var sentence = text.AsSpan(start, end - start).Trim();
        if (!sentence.IsEmpty)
        {
            sentences.Add(sentence.ToString());
        }
    }

    private static List<(int Start, int End)> ProtectedRanges(string text)
    {
        var ranges = new List<(int, int)>();
        foreach (Match match in UrlOrEmail().Matches(text))
        {
            // The last character of a URL may be the sentence's own period ("see https://x.org/a."), so leave it.
            var length = match.Length;
            while (length > 0 && match.Value[length - 1] is '.' or '!' or '?' or ',')
            {
                length--;
            }

            ranges.Add((match.Index, match.Index + length));
        }

        return ranges;
    }

    private static bool IsProtected(List<(int Start, int End)> ranges, int index)
    {
        foreach (var (start, end) in ranges)
        {
            if (index >= start && index < end)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+|[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}|arXiv:\s?\d{4}\.\d{4,5}(?:v\d+)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlOrEmail();
}
