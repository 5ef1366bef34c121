using System.Numerics;
using System.Runtime.CompilerServices;

namespace Aggregator.Dedupe;

/// <summary>
/// 64-bit SimHash of a post's normalised text, so the same post re-published under another URL, by another feed or
/// with a repost line added is found by Hamming distance. Character shingles rather than words, because Chinese has no
/// spaces and word segmentation would need a dictionary.
/// </summary>
public static class TextFingerprint
{
    /// <summary>
    /// Characters per shingle. On the dedupe corpus 4 leaves the widest gap between the farthest copy and the nearest
    /// distinct post (3 is too generic for English letters run together, 5 too brittle for short Chinese posts); the
    /// benchmark prints 3, 4 and 5.
    /// </summary>
    internal const int DefaultShingleLength = 4;

    /// <summary>Number of bands <see cref="BandKeys"/> returns; with 16 bits each, distance ≤ 3 shares one (pigeonhole).</summary>
    public const int BandCount = 4;

    private const int BitsPerBand = 64 / BandCount;

    /// <summary>
    /// Shingles in the first and last 1/N of the text weigh less (see <see cref="ComputeNormalized"/>). Without it a
    /// portal's footer or a Medium sign-off moves copies to distance 4–5; the dedupe benchmark compares 1/4, 1/8, 1/16
    /// and none.
    /// </summary>
    internal const int DefaultEdgeFraction = 4;

    private const int FullWeight = 8;

    /// <summary>SimHash of <paramref name="text"/> after <see cref="TextNormalizer.Normalize"/>; 0 for an empty text.</summary>
    public static ulong Compute(string text) => ComputeNormalized(TextNormalizer.Normalize(text), DefaultShingleLength);

    /// <summary>
    /// The fingerprint to store and match, or false (fingerprint 0) when the normalised text is shorter than
    /// <see cref="DedupeOptions.MinTextLength"/>: such a post is stored without band keys and never near-duplicate
    /// matched (identity keys still catch its exact copies).
    /// </summary>
    public static bool TryCompute(string text, DedupeOptions options, out ulong fingerprint)
    {
        ArgumentNullException.ThrowIfNull(options);
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length < options.MinTextLength)
        {
            fingerprint = 0;
            return false;
        }

        fingerprint = ComputeNormalized(normalized, DefaultShingleLength);
        return true;
    }

    /// <summary>SimHash of text that is already normalised.</summary>
    internal static ulong ComputeNormalized(ReadOnlySpan<char> normalized, int shingleLength, int edgeFraction = DefaultEdgeFraction)
    {
        if (normalized.IsEmpty)
        {
            return 0;
        }

        // A text shorter than one shingle is its own single shingle.
        var length = Math.Min(shingleLength, normalized.Length);
        var count = normalized.Length - length + 1;

        // Copies differ mostly at their edges (a repost line on top, another site's footer below), so shingles in the
        // first and last 1/edgeFraction of the text weigh less, rising linearly from 1 to FullWeight.
        var edge = edgeFraction > 0 ? Math.Max(1, count / edgeFraction) : 0;
        Span<int> weights = stackalloc int[64];
        for (var start = 0; start < count; start++)
        {
            var hash = Hash(normalized.Slice(start, length));
            var fromEdge = Math.Min(start, count - 1 - start);
            var weight = fromEdge >= edge ? FullWeight : 1 + (FullWeight - 1) * fromEdge / edge;
            for (var bit = 0; bit < 64; bit++)
            {
                // Branch-free: +weight when the bit is set, -weight otherwise.
                weights[bit] += ((int)((hash >> bit) & 1) * 2 - 1) * weight;
            }
        }

        ulong fingerprint = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (weights[bit] > 0)
            {
                fingerprint |= 1UL << bit;
            }
        }

        return fingerprint;
    }

    /// <summary>Number of differing bits.</summary>
    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    /// <summary>
    /// Keys "b0-1a2f" … "b3-…" of the four 16-bit bands. Two fingerprints within distance 3 differ in at most 3 bands,
    /// so they share at least one key exactly: storage indexes these and looks candidates up with 4 point queries,
    /// then checks <see cref="Distance"/>.
    /// </summary>
    public static IReadOnlyList<string> BandKeys(ulong fingerprint)
    {
        var keys = new string[BandCount];
        for (var band = 0; band < BandCount; band++)
        {
            var value = (ushort)(fingerprint >> (band * BitsPerBand));
            keys[band] = $"b{band}-{value:x4}";
        }

        return keys;
    }

    /// <summary>
    /// FNV-1a 64 over the UTF-16 code units, then the MurmurHash3 finalizer: FNV alone diffuses short inputs poorly
    /// into the high bits, and SimHash needs every bit to be a fair coin.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Hash(ReadOnlySpan<char> shingle)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in shingle)
        {
            hash = (hash ^ (byte)c) * 1099511628211UL;
            hash = (hash ^ (byte)(c >> 8)) * 1099511628211UL;
        }

        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return hash;
    }
}
