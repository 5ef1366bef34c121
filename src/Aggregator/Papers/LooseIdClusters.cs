namespace Aggregator.Papers;

/// <summary>
/// Decides which ids on one line are the same paper. Ids read from one link always are. Left to right, a link joins the
/// paper before it unless that paper already has a different id of the same kind, or both are written on a title: so
/// "BERT (ACL Anthology, arXiv PDF)" is one paper and "read A and B" with two titled links is two.
/// </summary>
internal static class LooseIdClusters
{
    public static IReadOnlyList<List<PaperIdHit>> Cluster(IReadOnlyList<PaperIdHit> hits)
    {
        var units = hits.GroupBy(h => h.Link ?? $"text:{h.Kind}:{h.Value}").Select(g => g.ToList()).ToList();
        var clusters = new List<(List<PaperIdHit> Hits, bool Titled)>();
        foreach (var unit in units)
        {
            var titled = unit[0].LinkText is { } text && TitleHeuristics.IsStrictTitle(TitleHeuristics.Clean(text));
            if (clusters.Count > 0 && Fits(clusters[^1].Hits, unit) && !(titled && clusters[^1].Titled))
            {
                clusters[^1].Hits.AddRange(unit);
                clusters[^1] = (clusters[^1].Hits, clusters[^1].Titled || titled);
            }
            else
            {
                clusters.Add((unit.ToList(), titled));
            }
        }

        return clusters.Select(c => c.Hits).ToList();
    }

    private static bool Fits(List<PaperIdHit> cluster, List<PaperIdHit> unit) =>
        !unit.Any(u => cluster.Any(c => c.Kind == u.Kind && c.Value != u.Value));
}
