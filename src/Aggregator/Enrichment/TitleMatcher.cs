using System.Text;

namespace Aggregator.Enrichment;

/// <summary>
/// Decides whether the title a post wrote is the title arXiv returned. Equal after normalisation (width, case,
/// punctuation, whitespace, Greek letters spelled out) is a match. Otherwise a small edit distance is tolerated
/// (a typo, a plural) only when it cannot be a different paper: the first word (usually the method's name: LoRA, DoRA)
/// and every number (Llama 2, Llama 3) must be the same, and the title must be long enough for a few edits to be noise.
/// </summary>
public static class TitleMatcher
{
    /// <summary>Titles shorter than this (normalised) must match exactly.</summary>
    public const int MinLengthForEdits = 24;

    /// <summary>One edit per this many normalised characters, at most <see cref="MaxEdits"/>.</summary>
    public const int CharactersPerEdit = 30;

    public const int MaxEdits = 3;

    public static bool Matches(string postTitle, string canonicalTitle)
    {
        ArgumentNullException.ThrowIfNull(postTitle);
        ArgumentNullException.ThrowIfNull(canonicalTitle);
        var a = Words(postTitle);
        var b = Words(canonicalTitle);
        if (a.Count == 0 || b.Count == 0)
        {
            return false;
        }

        var joinedA = string.Concat(a);
        var joinedB = string.Concat(b);
        if (joinedA == joinedB)
        {
            return true;
        }

        var length = Math.Min(joinedA.Length, joinedB.Length);
        if (length < MinLengthForEdits || a[0] != b[0] || Digits(joinedA) != Digits(joinedB))
        {
            return false;
        }

        var allowed = Math.Min(MaxEdits, Math.Max(1, length / CharactersPerEdit));
        return EditDistance(joinedA, joinedB, allowed) <= allowed;
    }

    /// <summary>The normalised form compared: NFKC, lower case, Greek spelled out, letters and digits only.</summary>
    public static string Normalize(string title) => string.Concat(Words(title));

    /// <summary>A title as an arXiv phrase query: words only, Greek spelled out (no quotes or operators survive).</summary>
    public static string SearchPhrase(string title) => string.Join(' ', Words(title));

    /// <summary>Normalised words: runs of letters and digits, split at everything else.</summary>
    internal static List<string> Words(string title)
    {
        var folded = title.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in folded.EnumerateRunes())
        {
            if (rune.IsBmp && GreekLetters.NameOf((char)rune.Value) is { } name)
            {
                Flush(words, word);
                words.Add(name);
            }
            else if (Rune.IsLetterOrDigit(rune))
            {
                word.Append(rune.ToString());
            }
            else
            {
                Flush(words, word);
            }
        }

        Flush(words, word);
        return words;
    }

    private static void Flush(List<string> words, StringBuilder word)
    {
        if (word.Length > 0)
        {
            words.Add(word.ToString());
            word.Clear();
        }
    }

    private static string Digits(string text) => new(text.Where(char.IsAsciiDigit).ToArray());

    /// <summary>Levenshtein distance, or <paramref name="limit"/> + 1 as soon as it must exceed the limit.</summary>
    private static int EditDistance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
