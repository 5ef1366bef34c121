namespace Aggregator.Dedupe;

/// <summary>How close two posts' texts must be to count as one post re-published.</summary>
public sealed class DedupeOptions
{
    /// <summary>
    /// Largest Hamming distance between two fingerprints that still means "the same post". At most 3, because storage
    /// finds candidates through <see cref="TextFingerprint.BandKeys"/> (4 bands of 16 bits), which only guarantees a
    /// shared band up to distance 3. The dedupe benchmark measures precision and recall at this value.
    /// </summary>
    public int MaxDistance { get; set; } = 3;

    /// <summary>
    /// Texts shorter than this (in normalised characters: letters and digits left after boilerplate, URLs and
    /// punctuation are removed) get no fingerprint and are never near-duplicate matched. Measured by the dedupe
    /// benchmark on the corpus: below ~100 characters one changed character moves a fingerprint by 6–26 bits on
    /// average, so near-duplicate matching finds nothing there that exact identity would not, while short stock texts
    /// ("转发微博", "好文，收藏了") and shared templates (two digests' identical headers) make distinct posts collide.
    /// The shortest genuine duplicate in the corpus (a Weibo repost) normalises to 144 characters.
    /// </summary>
    public int MinTextLength { get; set; } = 100;
}
