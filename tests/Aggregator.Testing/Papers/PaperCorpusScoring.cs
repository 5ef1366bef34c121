namespace Aggregator.Testing.Papers;

/// <summary>Found/expected and correct/predicted counts for one class of posts.</summary>
public sealed class IdentificationTally
{
    public int Expected { get; set; }

    public int Found { get; set; }

    public int Predicted { get; set; }

    public int Correct { get; set; }

    public double Recall => Expected == 0 ? 1 : (double)Found / Expected;

    public double Precision => Predicted == 0 ? 1 : (double)Correct / Predicted;
}

/// <summary>Pairwise merging figures: pairs of mentions of one paper that merged, and pairs merged that should not.</summary>
public sealed record MergeScore(
    int SamePaperPairs,
    int SamePaperPairsMerged,
    int MergedPairs,
    int MergedPairsCorrect,
    IReadOnlyList<(string A, string B)> DistinctPairsMerged)
{
    public double Recall => SamePaperPairs == 0 ? 1 : (double)SamePaperPairsMerged / SamePaperPairs;

    public double Precision => MergedPairs == 0 ? 1 : (double)MergedPairsCorrect / MergedPairs;
}

/// <summary>
/// Scores identification against the labels. A predicted mention matches an expected paper when they share a key
/// ("arxiv:…", "title:…"); an expected paper is found when some mention matches it, a mention is correct when it matches
/// some expected paper.
/// </summary>
public static class PaperCorpusScoring
{
    /// <summary>For each predicted mention (its keys as "kind:value"), the index of the expected paper it matches, or -1.</summary>
    public static int[] Match(LabelledPost post, IReadOnlyList<IReadOnlyCollection<string>> predicted, Func<string, string?> titleKey)
    {
        var expectedKeys = post.Papers.Select(p => p.Keys(titleKey)).ToList();
        return predicted
            .Select(keys => expectedKeys.FindIndex(expected => expected.Any(keys.Contains)))
            .ToArray();
    }

    public static void Tally(IdentificationTally tally, LabelledPost post, int[] matches)
    {
        tally.Expected += post.Papers.Count;
        tally.Found += matches.Where(m => m >= 0).Distinct().Count();
        tally.Predicted += matches.Length;
        tally.Correct += matches.Count(m => m >= 0);
    }

    /// <summary>
    /// Scores a grouping of mentions: each mention's labelled paper id (null when it matched no label) and its group.
    /// </summary>
    public static MergeScore ScoreMerging(IReadOnlyList<(string? PaperId, int Group)> mentions, IReadOnlyList<(string A, string B)> distinctPairs)
    {
        int samePairs = 0, sameMerged = 0, merged = 0, mergedCorrect = 0;
        for (var i = 0; i < mentions.Count; i++)
        {
            for (var j = i + 1; j < mentions.Count; j++)
            {
                var same = mentions[i].PaperId is not null && mentions[i].PaperId == mentions[j].PaperId;
                var together = mentions[i].Group == mentions[j].Group;
                samePairs += same ? 1 : 0;
                sameMerged += same && together ? 1 : 0;
                merged += together ? 1 : 0;
                mergedCorrect += together && same ? 1 : 0;
            }
        }

        var groupsOf = mentions.Where(m => m.PaperId is not null).ToLookup(m => m.PaperId!, m => m.Group);
        var violations = distinctPairs.Where(p => groupsOf[p.A].Intersect(groupsOf[p.B]).Any()).ToList();
        return new MergeScore(samePairs, sameMerged, merged, mergedCorrect, violations);
    }
}
