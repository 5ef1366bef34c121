namespace Aggregator.Summaries;

/// <summary>
/// A sentence as a sparse vector of terms: character bigrams inside Chinese runs (no word segmentation needed, and
/// bigrams carry most Chinese words), lower-cased words in Latin runs minus stop words. Terms are 64-bit keys so no
/// strings are allocated per term.
/// </summary>
internal sealed class TermVector
{
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "by", "at", "from", "as", "is", "are",
        "was", "were", "be", "been", "being", "this", "that", "these", "those", "it", "its", "we", "our", "they", "their",
        "which", "who", "can", "could", "may", "might", "will", "would", "not", "but", "also", "than", "then", "such",
        "into", "over", "has", "have", "had", "do", "does", "did", "more", "most", "both", "each", "other", "via",
    };

    private static readonly HashSet<ulong> StopWordKeys = StopWords.Select(w => WordKey(w.AsSpan())).ToHashSet();

    private TermVector(Dictionary<ulong, int> counts) => Counts = counts;

    /// <summary>Term → occurrences in the sentence.</summary>
    public Dictionary<ulong, int> Counts { get; }

    /// <summary>Term → TF-IDF weight, set by <see cref="Weigh"/>.</summary>
    public Dictionary<ulong, double> Weights { get; private set; } = [];

    public double Norm { get; private set; }

    public static TermVector Empty() => new([]);

    /// <summary>Recomputes <see cref="Norm"/> after <see cref="Weights"/> were filled directly (a centroid).</summary>
    public void Renormalize() => Norm = Math.Sqrt(Weights.Values.Sum(w => w * w));

    public static TermVector Of(string text)
    {
        var counts = new Dictionary<ulong, int>();
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            var c = span[i];
            if (IsIdeograph(c))
            {
                var start = i;
                while (i < span.Length && IsIdeograph(span[i]))
                {
                    i++;
                }

                AddCjkRun(counts, span[start..i]);
            }
            else if (char.IsLetterOrDigit(c))
            {
                var start = i;
                while (i < span.Length && char.IsLetterOrDigit(span[i]) && !IsIdeograph(span[i]))
                {
                    i++;
                }

                var word = span[start..i];
                if (word.Length > 1)
                {
                    var key = WordKey(word);
                    if (!StopWordKeys.Contains(key))
                    {
                        Increment(counts, key);
                    }
                }
            }
            else
            {
                i++;
            }
        }

        return new TermVector(counts);
    }

    /// <summary>Sets TF-IDF weights: (1 + log tf) × log(1 + N / df), sentences being the documents.</summary>
    public void Weigh(Dictionary<ulong, int> documentFrequency, int documents)
    {
        var weights = new Dictionary<ulong, double>(Counts.Count);
        var sum = 0.0;
        foreach (var (term, count) in Counts)
        {
            var weight = (1 + Math.Log(count)) * Math.Log(1 + (double)documents / documentFrequency[term]);
            weights[term] = weight;
            sum += weight * weight;
        }

        Weights = weights;
        Norm = Math.Sqrt(sum);
    }

    public double Cosine(TermVector other)
    {
        if (Norm == 0 || other.Norm == 0)
        {
            return 0;
        }

        var (small, large) = Weights.Count <= other.Weights.Count ? (Weights, other.Weights) : (other.Weights, Weights);
        var dot = 0.0;
        foreach (var (term, weight) in small)
        {
            if (large.TryGetValue(term, out var otherWeight))
            {
                dot += weight * otherWeight;
            }
        }

        return dot / (Norm * other.Norm);
    }

    /// <summary>Share of this vector's terms (by count of distinct terms) that <paramref name="other"/> also has.</summary>
    public double Coverage(TermVector other)
    {
        if (Counts.Count == 0)
        {
            return 0;
        }

        var shared = Counts.Keys.Count(other.Counts.ContainsKey);
        return (double)shared / Counts.Count;
    }

    private static void AddCjkRun(Dictionary<ulong, int> counts, ReadOnlySpan<char> run)
    {
        if (run.Length == 1)
        {
            Increment(counts, 1UL << 62 | run[0]);
            return;
        }

        for (var i = 0; i + 1 < run.Length; i++)
        {
            Increment(counts, 1UL << 63 | (ulong)run[i] << 16 | run[i + 1]);
        }
    }

    private static void Increment(Dictionary<ulong, int> counts, ulong key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    /// <summary>FNV-1a over the lower-cased word, with the top two bits cleared so words never collide with CJK keys.</summary>
    private static ulong WordKey(ReadOnlySpan<char> word)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in word)
        {
            hash = (hash ^ char.ToLowerInvariant(c)) * 1099511628211UL;
        }

        return hash & (ulong.MaxValue >> 2);
    }

    private static bool IsIdeograph(char c) =>
        c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf' or >= '\uf900' and <= '\ufaff';
}
