namespace Aggregator.Papers;

/// <summary>
/// Splits a post into per-paper sections at the blocks that introduce a paper: a title label ("论文标题：", "Title:"),
/// a line followed by an author line (the digest pattern), a heading or bold line that reads as a paper title, a
/// numbered list entry that reads as one, or a 《…》 title. A section runs to the next such block, or to the next heading
/// of the same or a higher level (so an empty template heading ends the entry above it). Entries and labels inside a
/// titled heading's section belong to that paper and do not start new ones.
/// </summary>
internal static class PaperSectionSplitter
{
    private const int NonHeadingLevel = 7;

    public static IReadOnlyList<PaperSection> Split(IReadOnlyList<PostBlock> blocks, IReadOnlyList<IReadOnlyList<PaperIdHit>> hits)
    {
        var starts = new List<(int Block, string Title, int Level, bool IsHeading)>();
        var skip = -1;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (i == skip)
            {
                continue;
            }

            if (StartAt(blocks, hits, i) is not { } start)
            {
                continue;
            }

            var insideTitledHeading = starts.Count > 0 && starts[^1].IsHeading && !start.IsHeading
                                      && EndOf(blocks, starts[^1].Block, starts[^1].Level, blocks.Count) > i;
            if (insideTitledHeading)
            {
                continue;
            }

            starts.Add((i, start.Title, start.Level, start.IsHeading));
            skip = start.TitleBlock;
        }

        var sections = new List<PaperSection>(starts.Count);
        for (var s = 0; s < starts.Count; s++)
        {
            var next = s + 1 < starts.Count ? starts[s + 1].Block : blocks.Count;
            sections.Add(new PaperSection(starts[s].Title, starts[s].Block, EndOf(blocks, starts[s].Block, starts[s].Level, next)));
        }

        return sections;
    }

    private static int EndOf(IReadOnlyList<PostBlock> blocks, int start, int level, int limit)
    {
        for (var i = start + 1; i < limit; i++)
        {
            if (blocks[i].Kind == PostBlockKind.Heading && blocks[i].Level <= level
                && PostLabels.Read(blocks[i].Text).Label == PostLabel.None)
            {
                return i;
            }
        }

        return limit;
    }

    private static (string Title, int Level, bool IsHeading, int TitleBlock)? StartAt(
        IReadOnlyList<PostBlock> blocks, IReadOnlyList<IReadOnlyList<PaperIdHit>> hits, int i)
    {
        var block = blocks[i];
        var level = block.Kind == PostBlockKind.Heading ? block.Level : NonHeadingLevel;
        var isHeading = block.Kind == PostBlockKind.Heading;
        var (label, value) = PostLabels.Read(block.Text);
        if (label == PostLabel.Title)
        {
            var titleBlock = value.Length > 0 ? i : NextText(blocks, i);
            var title = titleBlock < 0 ? "" : TitleHeuristics.Clean(titleBlock == i ? value : blocks[titleBlock].Text);
            return TitleHeuristics.IsLenientTitle(title) && !HasOnlyLinks(blocks, titleBlock)
                ? (title, level, isHeading, titleBlock)
                : null;
        }

        if (label != PostLabel.None)
        {
            return null;
        }

        var cleaned = TitleHeuristics.Clean(block.Text);
        var next = NextText(blocks, i);
        if (next >= 0 && PostLabels.Read(blocks[next].Text).Label == PostLabel.Authors && TitleHeuristics.IsLenientTitle(cleaned))
        {
            return (cleaned, level, isHeading, i);
        }

        if ((block.IsHeadingLike || block.Numbered) && TitleHeuristics.IsStrictTitle(cleaned))
        {
            return (cleaned, level, isHeading, i);
        }

        foreach (var candidate in TitleHeuristics.Candidates(block.Text).Skip(1))
        {
            var vouched = hits[i].Count > 0 ? TitleHeuristics.IsLenientTitle(candidate) : TitleHeuristics.IsStrictTitle(candidate);
            if (vouched && block.Text.Contains('《' + candidate, StringComparison.Ordinal))
            {
                return (candidate, level, isHeading, i);
            }
        }

        return null;
    }

    private static int NextText(IReadOnlyList<PostBlock> blocks, int i)
    {
        for (var j = i + 1; j < blocks.Count && j <= i + 2; j++)
        {
            if (blocks[j].Text.Length > 0)
            {
                return j;
            }
        }

        return -1;
    }

    private static bool HasOnlyLinks(IReadOnlyList<PostBlock> blocks, int i) =>
        i >= 0 && blocks[i].Links.Count > 0 && WebLinks.WithoutUrls(blocks[i].Text).Trim().Length == 0;
}
