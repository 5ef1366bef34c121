namespace Aggregator.Papers;

/// <summary>
/// The rule that decides which mentions are one paper, as pure code: mentions sharing any key are the same paper, and
/// sameness is transitive (union-find over keys). A paper seen with its OpenReview id and title in one post and with its
/// arXiv id and the same title in another is one paper. Titles only ever match exactly after
/// <see cref="PaperTitle.Normalize"/>, so distinct papers with similar titles never merge; and a shared title does not
/// join mentions that carry different arXiv ids (<see cref="DistinctPapers"/>). The storage layer mirrors this.
/// </summary>
public static class PaperMergeModel
{
    /// <summary>Groups mentions into papers, groups and members in first-seen order.</summary>
    public static IReadOnlyList<IReadOnlyList<PaperMention>> Group(IEnumerable<PaperMention> mentions)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        var list = mentions.ToList();
        var parent = Enumerable.Range(0, list.Count).ToArray();
        // The arXiv id of each group, kept at its root.
        var arxiv = list.Select(m => m.ArxivId ?? m.Keys.Where(k => k.Kind == PaperKeyKind.Arxiv).Select(k => k.Value).FirstOrDefault()).ToArray();
        var owner = new Dictionary<PaperKey, int>();
        for (var i = 0; i < list.Count; i++)
        {
            foreach (var key in list[i].Keys)
            {
                if (owner.TryGetValue(key, out var other))
                {
                    if (key.Kind != PaperKeyKind.Title || !DistinctPapers.Conflict(arxiv[Find(parent, i)], arxiv[Find(parent, other)]))
                    {
                        Union(parent, arxiv, i, other);
                    }
                }
                else
                {
                    owner[key] = i;
                }
            }
        }

        var groups = new Dictionary<int, List<PaperMention>>();
        var order = new List<int>();
        for (var i = 0; i < list.Count; i++)
        {
            var root = Find(parent, i);
            if (!groups.TryGetValue(root, out var group))
            {
                groups[root] = group = [];
                order.Add(root);
            }

            group.Add(list[i]);
        }

        return order.Select(root => (IReadOnlyList<PaperMention>)groups[root]).ToList();
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static void Union(int[] parent, string?[] arxiv, int a, int b)
    {
        var rootA = Find(parent, a);
        var rootB = Find(parent, b);
        if (rootA != rootB)
        {
            // The earlier mention stays the root so groups keep first-seen order.
            var root = Math.Min(rootA, rootB);
            var child = Math.Max(rootA, rootB);
            parent[child] = root;
            arxiv[root] ??= arxiv[child];
        }
    }
}
