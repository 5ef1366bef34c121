using Aggregator.Storage;

namespace Aggregator.Enrichment;

/// <summary>
/// Picks, among the entries a title search returned, the one that is this paper: its title must match
/// (<see cref="TitleMatcher"/>) and its authors must agree with any the posts named (<see cref="AuthorAgreement"/>).
/// An exact title beats a near one; between equals, the earliest submission (later ones are usually re-posts).
/// </summary>
internal static class TitleResolution
{
    public static ArxivEntry? Pick(Paper paper, IReadOnlyList<ArxivEntry> entries)
    {
        var wanted = TitleMatcher.Normalize(paper.Title);
        return entries
            .Where(e => TitleMatcher.Matches(paper.Title, e.Title) && AuthorAgreement.Agrees(paper.Authors, e.Authors))
            .OrderBy(e => TitleMatcher.Normalize(e.Title) == wanted ? 0 : 1)
            .ThenBy(e => e.Published ?? DateTimeOffset.MaxValue)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
