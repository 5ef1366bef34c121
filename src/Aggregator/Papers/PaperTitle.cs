using System.Text;

namespace Aggregator.Papers;

/// <summary>
/// The title key of a paper. Normalisation folds only what cannot tell two papers apart — width (NFKC), case,
/// punctuation and whitespace — and never matches fuzzily, so "Step-DPO: …" and "Step-Controlled DPO: …" stay distinct.
/// </summary>
public static class PaperTitle
{
    /// <summary>Shorter normalised titles are too ambiguous to identify a paper ("Introduction", "GPT-4").</summary>
    public const int MinKeyLength = 12;

    /// <summary>Fewer words than this (in a Latin-script title) are too ambiguous too ("Attention Mechanisms").</summary>
    public const int MinKeyWords = 3;

    /// <summary>NFKC, lower-case (invariant), only letters and digits kept.</summary>
    public static string Normalize(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var folded = title.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(folded.Length);
        foreach (var rune in folded.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The title key, or null when the title is too short to identify a paper: under <see cref="MinKeyLength"/> letters
    /// and digits, or under <see cref="MinKeyWords"/> words in a Latin-script title (CJK titles have no spaces to count).
    /// </summary>
    public static PaperKey? KeyFor(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        var normalized = Normalize(title);
        if (normalized.Length < MinKeyLength)
        {
            return null;
        }

        var words = title.Split([' ', '\t', '\u3000'], StringSplitOptions.RemoveEmptyEntries).Length;
        var latin = normalized.All(c => c < 0x250);
        return latin && words < MinKeyWords ? null : new PaperKey(PaperKeyKind.Title, normalized);
    }
}
