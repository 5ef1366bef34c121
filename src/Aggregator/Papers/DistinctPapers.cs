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
    /// <paramref name="arxivId"/>. A candidate reached by an identity (an id key, or the paper id itself:
    /// <paramref name="boundByIdentity"/>) is the store's own answer and always kept, even one an earlier release
    /// merged wrongly; one reached only through a shared title is left out when its arXiv id conflicts with the
    /// anchor's or with one already kept.
    /// </summary>
    public static List<Paper> Compatible(string? arxivId, IReadOnlyList<Paper> candidates, Func<Paper, bool> boundByIdentity)
    {
        var anchor = arxivId ?? candidates.Where(boundByIdentity).Select(p => p.ArxivId).FirstOrDefault(a => a is not null);
        var kept = new List<Paper>();
        foreach (var candidate in candidates)
        {
            if (!boundByIdentity(candidate) && Conflict(anchor, candidate.ArxivId))
            {
                continue;
            }

            kept.Add(candidate);
            anchor ??= candidate.ArxivId;
        }

        return kept;
    }
}
