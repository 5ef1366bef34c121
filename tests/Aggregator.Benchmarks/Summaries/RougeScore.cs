namespace Aggregator.Benchmarks.Summaries;

/// <summary>
/// ROUGE-1 and ROUGE-L F1 with character-level tokens for Chinese (each ideograph is a token, the usual practice for
/// Chinese ROUGE) and lower-cased word tokens for Latin runs; punctuation and whitespace are not tokens.
/// </summary>
internal static class RougeScore
{
    public static (double Rouge1, double RougeL) Score(string candidate, string reference)
    {
        var c = Tokens(candidate);
        var r = Tokens(reference);
        if (c.Count == 0 || r.Count == 0)
        {
            return (0, 0);
        }

        var counts = r.GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var overlap = 0;
        foreach (var token in c)
        {
            if (counts.TryGetValue(token, out var left) && left > 0)
            {
                overlap++;
                counts[token] = left - 1;
            }
        }

        return (F1(overlap, c.Count, r.Count), F1(Lcs(c, r), c.Count, r.Count));
    }

    internal static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var ch = text[i];
            if (ch is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf')
            {
                tokens.Add(ch.ToString());
                i++;
            }
            else if (char.IsLetterOrDigit(ch))
            {
                var start = i;
                while (i < text.Length && char.IsLetterOrDigit(text[i]) && text[i] is not (>= '\u4e00' and <= '\u9fff'))
                {
                    i++;
                }

                tokens.Add(text[start..i].ToLowerInvariant());
            }
            else
            {
                i++;
            }
        }

        return tokens;
    }

    private static int Lcs(List<string> a, List<string> b)
    {
        var previous = new int[b.Count + 1];
        var current = new int[b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            for (var j = 1; j <= b.Count; j++)
            {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Count];
    }

    private static double F1(int hits, int candidateLength, int referenceLength)
    {
        if (hits == 0)
        {
            return 0;
        }

        var precision = (double)hits / candidateLength;
        var recall = (double)hits / referenceLength;
        return 2 * precision * recall / (precision + recall);
    }
}
