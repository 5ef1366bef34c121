using Aggregator.Storage;

namespace Aggregator.Papers;

/// <summary>
/// Records that share a key and are still different papers. Distinct papers share a title now and then (two surveys
/// of one field, a workshop paper and its extended version); they never share an arXiv id. So two records whose arXiv
/// ids differ are never merged, whatever else they share, and a key one of them holds stays with it.
/// </summary>
internal static class DistinctPapers
{
    public static bool Conflict(string? arxivA, string? arxivB) =>
        arxivA is not null && arxivB is not null && !string.Equals(arxivA, arxivB, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Of <paramref name="candidates"/>, in their order, those that can be one paper with a record whose arXiv id is
    /// <paramref name="arxivId"/> and with each other: one whose id conflicts with an id already kept is left out.
    /// </summary>
    public static List<Paper> Compatible(string? arxivId, IEnumerable<Paper> candidates)
    {
        var kept = new List<Paper>();
        foreach (var candidate in candidates)
        {
            if (Conflict(arxivId, candidate.ArxivId))
            {
                continue;
            }

            kept.Add(candidate);
            arxivId ??= candidate.ArxivId;
        }

        return kept;
    }
}
