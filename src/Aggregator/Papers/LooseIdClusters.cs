namespace Aggregator.Papers;

/// <summary>
/// Decides which ids on one line are the same paper. Ids read from one link always are. In reading order, a link joins
/// the paper before it when it sits right after it (nothing but punctuation and a word or so between), that paper has no
/// different id of the same kind, and they are not both written on titles: so "BERT (ACL Anthology, arXiv PDF)" is one
/// paper, and "read A and B" with two titled links, or two links in different sentences, are two.
/// </summary>
internal static class LooseIdClusters
{
    private const int MaxLettersBetween = 4;

    public static IReadOnlyList<List<PaperIdHit>> Cluster(IReadOnlyList<PaperIdHit> hits, string blockText)
    {
        var units = hits.GroupBy(h => h.Link ?? $"text:{h.Kind}:{h.Value}")
            .Select(g => g.ToList())
            .OrderBy(u => u[0].Position)
            .ToList();
        var clusters = new List<(List<PaperIdHit> Hits, bool Titled, int End)>();
        foreach (var unit in units)
        {
            var titled = unit[0].LinkText is { } text && TitleHeuristics.IsStrictTitle(TitleHeuristics.Clean(text));
            if (clusters.Count > 0 && Fits(clusters[^1].Hits, unit) && !(titled && clusters[^1].Titled)
                && Adjacent(blockText, clusters[^1].End, unit[0].Position))
            {
                clusters[^1].Hits.AddRange(unit);
                clusters[^1] = (clusters[^1].Hits, clusters[^1].Titled || titled, Math.Max(clusters[^1].End, unit[0].End));
            }
            else
            {
                clusters.Add((unit.ToList(), titled, unit[0].End));
            }
        }

        return clusters.Select(c => c.Hits).ToList();
    }

    private static bool Fits(List<PaperIdHit> cluster, List<PaperIdHit> unit) =>
        !unit.Any(u => cluster.Any(c => c.Kind == u.Kind && c.Value != u.Value));

    private static bool Adjacent(string text, int end, int start)
    {
        if (start <= end)
        {
            return true;
        }

        var between = text.AsSpan(Math.Min(end, text.Length), Math.Min(start, text.Length) - Math.Min(end, text.Length));
        var letters = 0;
        foreach (var c in between)
        {
            if (c is ';' or '.' or '。' or '；' or '!' or '?' or '！' or '？')
            {
                return false;
            }

            letters += char.IsLetterOrDigit(c) ? 1 : 0;
        }

        return letters <= MaxLettersBetween;
    }
}
