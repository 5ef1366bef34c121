using System.Text;

namespace Aggregator.Summaries;

/// <summary>Measures, caps and joins sentences the same way for every summariser, so all summaries obey one limit.</summary>
internal static class SummaryLength
{
    private const string Ellipsis = "…";

    /// <summary>Characters (Chinese) or words (English) in <paramref name="text"/>.</summary>
    public static int Measure(string text, string language)
    {
        var count = 0;
        if (language == LanguageDetector.Chinese)
        {
            foreach (var c in text)
            {
                count += char.IsWhiteSpace(c) || char.IsLowSurrogate(c) ? 0 : 1;
            }

            return count;
        }

        var inWord = false;
        foreach (var c in text)
        {
            var isSpace = char.IsWhiteSpace(c);
            count += !isSpace && !inWord ? 1 : 0;
            inWord = !isSpace;
        }

        return count;
    }

    public static int Cap(string language, SummaryOptions options) =>
        language == LanguageDetector.Chinese ? options.MaxChineseChars : options.MaxEnglishWords;

    /// <summary>
    /// Leading sentences, whole, while they fit the cap; when even the first does not fit, the first cut at the cap
    /// (see <see cref="Cut"/>).
    /// </summary>
    public static string LeadingSentences(IReadOnlyList<string> sentences, string language, SummaryOptions options)
    {
        var cap = Cap(language, options);
        var taken = new List<string>();
        var used = 0;
        foreach (var sentence in sentences)
        {
            var length = Measure(sentence, language);
            if (used + length > cap)
            {
                break;
            }

            taken.Add(sentence);
            used += length;
        }

        if (taken.Count == 0 && sentences.Count > 0)
        {
            return Cut(sentences[0], language, cap);
        }

        return Join(taken, language);
    }

    /// <summary>
    /// A sentence longer than the cap, cut at its last clause boundary (，,；;：:、) before the cap and after a third of it,
    /// else at the cap itself, and ended with "…" so readers see it was cut. The "…" counts
    /// toward the Chinese cap; in English it is attached to the last word.
    /// </summary>
    public static string Cut(string sentence, string language, int cap)
    {
        if (Measure(sentence, language) <= cap)
        {
            return sentence;
        }

        // Index just past the cap-th counted unit (one less for Chinese, to leave room for the ellipsis).
        var limit = language == LanguageDetector.Chinese ? cap - 1 : cap;
        var end = IndexAfterUnits(sentence, language, limit);
        var minimum = IndexAfterUnits(sentence, language, Math.Max(1, cap / 3));
        // The boundary mark itself is replaced by the ellipsis, so one just past the limit still fits.
        var prefix = sentence.AsSpan(0, Math.Min(end + 1, sentence.Length));
        var clause = prefix.LastIndexOfAny("，,；;：:、");
        var cutAt = clause >= minimum ? clause : end;
        if (cutAt > 0 && char.IsHighSurrogate(sentence[cutAt - 1]))
        {
            cutAt--;
        }

        return sentence.AsSpan(0, cutAt).TrimEnd().TrimEnd("，,；;：:、-—").ToString() + Ellipsis;
    }

    /// <summary>Chinese sentences are joined directly; a Latin sentence gets a space before the next.</summary>
    public static string Join(IEnumerable<string> sentences, string language)
    {
        var builder = new StringBuilder();
        foreach (var sentence in sentences)
        {
            if (builder.Length > 0 && (language != LanguageDetector.Chinese || !SentenceSplitter.IsCjk(builder[^1])))
            {
                builder.Append(' ');
            }

            builder.Append(sentence);
        }

        return builder.ToString();
    }

    private static int IndexAfterUnits(string text, string language, int units)
    {
        var counted = 0;
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var isSpace = char.IsWhiteSpace(c);
            if (language == LanguageDetector.Chinese)
            {
                if (!isSpace && !char.IsLowSurrogate(c) && ++counted > units)
                {
                    return i;
                }
            }
            else
            {
                if (!isSpace && !inWord && ++counted > units)
                {
                    return i;
                }

                inWord = !isSpace;
            }
        }

        return text.Length;
    }
}
