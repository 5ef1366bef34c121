using Aggregator.Dedupe;
using Aggregator.Testing.Dedupe;

namespace Aggregator.Benchmarks.Dedupe;

/// <summary>
/// Precision and recall of near-duplicate detection over every pair of the labelled corpus, beside the exact hash of
/// the normalised text (what identity keys and a plain content hash would catch) in the same run.
/// </summary>
internal sealed class DedupeBench : IBenchCommand
{
    public string Name => "dedupe";

    public string Description => "near-duplicate precision/recall on the labelled corpus vs exact normalised-text hash";

    public Task<int> RunAsync(string[] args)
    {
        var corpus = DedupeCorpus.Load(DedupeCorpus.SourceFolder);
        var options = new DedupeOptions();
        var normalized = corpus.Documents.ToDictionary(d => d.Key, d => TextNormalizer.Normalize(d.Value), StringComparer.Ordinal);
        var pairs = corpus.AllPairs().ToList();
        Console.WriteLine($"corpus: {corpus.Documents.Count} documents, {pairs.Count} pairs, {pairs.Count(p => p.Duplicate)} duplicate pairs");
        Console.WriteLine($"options: MaxDistance={options.MaxDistance}, MinTextLength={options.MinTextLength}");
        Console.WriteLine();

        var baseline = Score(pairs, (a, b) => normalized[a].Length > 0 && normalized[a] == normalized[b]);
        Console.WriteLine($"{"method",-34} {"precision",9} {"recall",7} {"TP",4} {"FP",4} {"FN",4}");
        Print("baseline: exact normalised hash", baseline);

        foreach (var shingle in new[] { 3, 4, 5 })
        {
            foreach (var edge in new[] { 0, 4, 8, 16 })
            {
                var fingerprints = normalized.ToDictionary(d => d.Key, d => TextFingerprint.ComputeNormalized(d.Value, shingle, edge), StringComparer.Ordinal);
                var simhash = Score(pairs, (a, b) => Eligible(a) && Eligible(b)
                    && TextFingerprint.Distance(fingerprints[a], fingerprints[b]) <= options.MaxDistance);
                var isDefault = shingle == TextFingerprint.DefaultShingleLength && edge == TextFingerprint.DefaultEdgeFraction;
                var worst = pairs.Where(p => p.Duplicate).Max(p => TextFingerprint.Distance(fingerprints[p.A], fingerprints[p.B]));
                var nearest = pairs.Where(p => !p.Duplicate && Eligible(p.A) && Eligible(p.B)).Min(p => TextFingerprint.Distance(fingerprints[p.A], fingerprints[p.B]));
                Print($"simhash {shingle}-sh, edge 1/{edge}{(isDefault ? " (default)" : "")}", simhash, $"max same {worst}, min distinct {nearest}");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"{"pair (default shingles)",-64} {"label",-9} {"dist",4}");
        var defaults = normalized.ToDictionary(d => d.Key, d => TextFingerprint.ComputeNormalized(d.Value, TextFingerprint.DefaultShingleLength), StringComparer.Ordinal);
        foreach (var (a, b, duplicate) in pairs.OrderBy(p => TextFingerprint.Distance(defaults[p.A], defaults[p.B])).Take(20))
        {
            var note = Eligible(a) && Eligible(b) ? "" : " (too short: never matched)";
            Console.WriteLine($"{a + " ~ " + b,-64} {(duplicate ? "same" : "distinct"),-9} {TextFingerprint.Distance(defaults[a], defaults[b]),4}{note}");
        }

        Console.WriteLine();
        PrintSynthetic(corpus, normalized, options, args);

        Console.WriteLine();
        Console.WriteLine("why MinTextLength: mean / max distance after replacing one character in the middle, and the share of");
        Console.WriteLine("unrelated same-length text pairs within MaxDistance, by normalised length (prefixes of the corpus texts)");
        // One document per duplicate group, so "unrelated" really is unrelated.
        var long_ = normalized.Where(d => d.Value.Length >= 300)
            .Where(d => !normalized.Keys.Any(other => string.CompareOrdinal(other, d.Key) < 0 && corpus.IsDuplicate(other, d.Key)))
            .Select(d => d.Value).ToList();
        foreach (var length in new[] { 10, 20, 40, 60, 100, 150, 300 })
        {
            List<int> Edits(int edgeFraction) => long_.Select(v =>
            {
                var original = v[..length];
                var edited = string.Concat(original.AsSpan(0, length / 2), "x", original.AsSpan(length / 2 + 1));
                return TextFingerprint.Distance(
                    TextFingerprint.ComputeNormalized(original, TextFingerprint.DefaultShingleLength, edgeFraction),
                    TextFingerprint.ComputeNormalized(edited, TextFingerprint.DefaultShingleLength, edgeFraction));
            }).ToList();
            var edits = Edits(TextFingerprint.DefaultEdgeFraction);
            var flat = Edits(0);
            var prefixes = long_.Select(v => TextFingerprint.ComputeNormalized(v.AsSpan(0, length), TextFingerprint.DefaultShingleLength)).ToList();
            int close = 0, total = 0;
            for (var i = 0; i < prefixes.Count; i++)
            {
                for (var j = i + 1; j < prefixes.Count; j++)
                {
                    total++;
                    close += TextFingerprint.Distance(prefixes[i], prefixes[j]) <= options.MaxDistance ? 1 : 0;
                }
            }

            Console.WriteLine($"  length {length,4}: one-char edit mean {edits.Average(),5:F1} max {edits.Max(),2} (no edge weighting: {flat.Average(),4:F1}); unrelated within {options.MaxDistance}: {close}/{total}");
        }

        Console.WriteLine();
        Console.WriteLine("normalised lengths: " + string.Join(", ", normalized.OrderBy(n => n.Value.Length).Select(n => $"{n.Key}={n.Value.Length}")));
        return Task.FromResult(0);

        bool Eligible(string name) => normalized[name].Length >= options.MinTextLength;
    }

    /// <summary>
    /// A larger, generated check: each distinct corpus text plus two copies with a repost header and a footer a
    /// site might add (not in the normaliser's boilerplate list), scored over all pairs of the enlarged set.
    /// </summary>
    private static void PrintSynthetic(DedupeCorpus corpus, Dictionary<string, string> normalized, DedupeOptions options, string[] args)
    {
        string[] footers =
        [
            "欢迎关注我们的公众号，获取更多前沿资讯。", "本文由 AI 前线整理发布，如有疏漏欢迎指正。", "责任编辑：王小明",
            "Thanks for reading! If you liked this post, share it with a friend.", "Follow us for daily paper picks.",
            "编辑：李华 审核：赵六", "Join 20,000 readers who get our weekly digest.",
        ];
        string[] headers = ["转载自 量子位", "Reposted from The Gradient", "来源：新智元", ""];
        var random = new Random(7);
        var distinct = corpus.Documents
            .Where(d => normalized[d.Key].Length >= options.MinTextLength)
            .Where(d => !corpus.Documents.Keys.Any(other => string.CompareOrdinal(other, d.Key) < 0 && corpus.IsDuplicate(other, d.Key)))
            .ToList();
        var items = new List<(int Group, ulong Fingerprint)>();
        for (var g = 0; g < distinct.Count; g++)
        {
            var text = distinct[g].Value;
            items.Add((g, TextFingerprint.Compute(text)));
            for (var copy = 0; copy < 2; copy++)
            {
                var variant = headers[random.Next(headers.Length)] + "\n" + text + "\n" + footers[random.Next(footers.Length)];
                items.Add((g, TextFingerprint.Compute(variant)));
            }
        }

        int tp = 0, fp = 0, fn = 0, tpExact = 0;
        for (var i = 0; i < items.Count; i++)
        {
            for (var j = i + 1; j < items.Count; j++)
            {
                var same = items[i].Group == items[j].Group;
                var predicted = TextFingerprint.Distance(items[i].Fingerprint, items[j].Fingerprint) <= options.MaxDistance;
                tp += predicted && same ? 1 : 0;
                fp += predicted && !same ? 1 : 0;
                fn += !predicted && same ? 1 : 0;
                tpExact += same && items[i].Fingerprint == items[j].Fingerprint ? 1 : 0;
                if (same && !predicted && args.Contains("--verbose"))
                {
                    Console.WriteLine($"  missed: {distinct[items[i].Group].Key} ({normalized[distinct[items[i].Group].Key].Length} chars) distance {TextFingerprint.Distance(items[i].Fingerprint, items[j].Fingerprint)}");
                }
            }
        }

        Console.WriteLine($"generated copies ({distinct.Count} distinct texts x 3 versions: repost header + site footer, {items.Count * (items.Count - 1) / 2} pairs; --verbose lists misses):");
        Print("simhash (default)", (tp, fp, fn));
        Console.WriteLine($"  (identical fingerprints, the most an exact hash could find: {tpExact} of {tp + fn} copy pairs)");
    }

    private static (int Tp, int Fp, int Fn) Score(IEnumerable<(string A, string B, bool Duplicate)> pairs, Func<string, string, bool> predict)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var (a, b, duplicate) in pairs)
        {
            var predicted = predict(a, b);
            tp += predicted && duplicate ? 1 : 0;
            fp += predicted && !duplicate ? 1 : 0;
            fn += !predicted && duplicate ? 1 : 0;
        }

        return (tp, fp, fn);
    }

    private static void Print(string method, (int Tp, int Fp, int Fn) score, string detail = "")
    {
        var precision = score.Tp + score.Fp == 0 ? 1.0 : (double)score.Tp / (score.Tp + score.Fp);
        var recall = score.Tp + score.Fn == 0 ? 1.0 : (double)score.Tp / (score.Tp + score.Fn);
        Console.WriteLine($"{method,-34} {precision,9:F3} {recall,7:F3} {score.Tp,4} {score.Fp,4} {score.Fn,4}  {detail}");
    }
}
