using System.Globalization;
using System.Text;

namespace Aggregator.Enrichment;

/// <summary>
/// A veto on title matches: when the post named authors in Latin script, at least one of their name parts must be
/// among the returned record's authors. Names in other scripts (a Chinese post's 作者) cannot be compared and do not veto.
/// </summary>
public static class AuthorAgreement
{
    public static bool Agrees(IReadOnlyList<string> postAuthors, IReadOnlyList<string> recordAuthors)
    {
        ArgumentNullException.ThrowIfNull(postAuthors);
        ArgumentNullException.ThrowIfNull(recordAuthors);
        var named = postAuthors.SelectMany(NameParts).ToHashSet(StringComparer.Ordinal);
        if (named.Count == 0 || recordAuthors.Count == 0)
        {
            return true;
        }

        return recordAuthors.SelectMany(NameParts).Any(named.Contains);
    }

    /// <summary>Latin-script name parts of two letters or more, accents folded ("Tramèr" → "tramer").</summary>
    private static IEnumerable<string> NameParts(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().ToLowerInvariant()
            .Split([' ', '.', ',', '-', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Where(part => part.Length >= 2 && part.All(c => c is >= 'a' and <= 'z'));
    }
}
