using Aggregator.Dedupe;
using Aggregator.Testing.Dedupe;

namespace Aggregator.Tests.Dedupe;

public sealed class TextFingerprintTests
{
    private static readonly DedupeCorpus Corpus = DedupeCorpus.Load(Path.Combine(AppContext.BaseDirectory, "Dedupe", "testdata"));
    private static readonly DedupeOptions Options = new();

    public static TheoryData<string, string> DuplicatePairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var group in Corpus.DuplicateGroups)
        {
            for (var i = 0; i < group.Files.Count; i++)
            {
                for (var j = i + 1; j < group.Files.Count; j++)
                {
                    data.Add(group.Files[i], group.Files[j]);
                }
            }
        }

        return data;
    }

    public static TheoryData<string, string> HardNegativePairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var set in Corpus.HardNegatives)
        {
            data.Add(set.Files[0], set.Files[1]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DuplicatePairs))]
    public void TryCompute_CopiesOfOnePost_WithinMaxDistance(string a, string b)
    {
        Assert.True(TextFingerprint.TryCompute(Corpus.Documents[a], Options, out var fa), $"{a} is too short to fingerprint");
        Assert.True(TextFingerprint.TryCompute(Corpus.Documents[b], Options, out var fb), $"{b} is too short to fingerprint");

        Assert.InRange(TextFingerprint.Distance(fa, fb), 0, Options.MaxDistance);
    }

    [Theory]
    [MemberData(nameof(HardNegativePairs))]
    public void TryCompute_SimilarButDistinctPosts_NotMatched(string a, string b)
    {
        var bothFingerprinted = TextFingerprint.TryCompute(Corpus.Documents[a], Options, out var fa)
            & TextFingerprint.TryCompute(Corpus.Documents[b], Options, out var fb);

        Assert.False(bothFingerprinted && TextFingerprint.Distance(fa, fb) <= Options.MaxDistance);
    }

    [Fact]
    public void TryCompute_EveryPairOfTheCorpus_MatchesExactlyTheLabelledDuplicates()
    {
        var fingerprints = Corpus.Documents.ToDictionary(
            d => d.Key,
            d => TextFingerprint.TryCompute(d.Value, Options, out var f) ? f : (ulong?)null);

        var wrong = Corpus.AllPairs()
            .Where(p => (fingerprints[p.A] is { } fa && fingerprints[p.B] is { } fb && TextFingerprint.Distance(fa, fb) <= Options.MaxDistance) != p.Duplicate)
            .Select(p => $"{p.A} ~ {p.B}")
            .ToList();

        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("转发微博")]
    [InlineData("转发微博 //@量子位: 好文，收藏了")]
    [InlineData("Great paper! https://arxiv.org/abs/2406.05946")]
    public void TryCompute_ShortText_NoFingerprint(string text)
    {
        Assert.False(TextFingerprint.TryCompute(text, Options, out var fingerprint));
        Assert.Equal(0UL, fingerprint);
    }

    [Fact]
    public void Compute_SameTextDifferentWhitespaceAndPunctuation_SameFingerprint()
    {
        var a = TextFingerprint.Compute("大语言模型经过微调拒绝涉及危险知识的问题，但这些保护往往可以被绕过。");
        var b = TextFingerprint.Compute("大语言模型经过微调拒绝涉及危险知识的问题, 但这些保护\t往往可以\u3000被绕过.");

        Assert.Equal(a, b);
        Assert.NotEqual(0UL, a);
    }

    [Fact]
    public void Distance_CountsDifferingBits()
    {
        Assert.Equal(0, TextFingerprint.Distance(0xFFFF_0000_FFFF_0000, 0xFFFF_0000_FFFF_0000));
        Assert.Equal(3, TextFingerprint.Distance(0b1011, 0b0000));
        Assert.Equal(64, TextFingerprint.Distance(0, ulong.MaxValue));
    }

    [Fact]
    public void BandKeys_FourSixteenBitBandsInLowerHex()
    {
        var keys = TextFingerprint.BandKeys(0x1234_ABCD_0000_1A2F);

        Assert.Equal(["b0-1a2f", "b1-0000", "b2-abcd", "b3-1234"], keys);
    }

    [Fact]
    public void BandKeys_FingerprintsWithinThreeBits_ShareAtLeastOneBand()
    {
        var random = new Random(20250413);
        for (var trial = 0; trial < 20_000; trial++)
        {
            var fingerprint = (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63);
            var other = fingerprint;
            var flips = random.Next(0, 4);
            for (var i = 0; i < flips; i++)
            {
                other ^= 1UL << random.Next(64);
            }

            var shared = TextFingerprint.BandKeys(fingerprint).Intersect(TextFingerprint.BandKeys(other)).Count();
            Assert.True(shared >= 1, $"{fingerprint:x16} and {other:x16} share no band");
        }
    }

    [Fact]
    public void BandKeys_FourBitsInFourBands_CanShareNone()
    {
        // The guarantee ends at distance 3: one flipped bit in each band leaves nothing in common.
        const ulong fingerprint = 0x0123_4567_89AB_CDEF;
        const ulong other = fingerprint ^ 1UL ^ (1UL << 16) ^ (1UL << 32) ^ (1UL << 48);

        Assert.Empty(TextFingerprint.BandKeys(fingerprint).Intersect(TextFingerprint.BandKeys(other)));
    }
}
