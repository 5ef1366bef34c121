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

    /// <param name="paperContext">
    /// Whether the post talks about papers at all (<see cref="PaperContextWords"/>). Without it, a title-cased heading or
    /// list entry is a paper only when its section shows it (an id, an author or abstract line) or it has the
    /// "Name: subtitle" shape: tutorials are full of headings like "Installing PyTorch on Windows".
    /// </param>
    public static IReadOnlyList<PaperSection> Split(
        IReadOnlyList<PostBlock> blocks, IReadOnlyList<IReadOnlyList<PaperIdHit>> hits, bool paperContext)
    {
        var candidates = new List<Start>();
        var skip = -1;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (i != skip && StartAt(blocks, hits, i) is { } start)
            {
                candidates.Add(start);
                skip = start.TitleBlock;
            }
        }

        var starts = WithoutNesting(blocks, candidates);
        var sections = new List<PaperSection>(starts.Count);
        for (var s = 0; s < starts.Count; s++)
        {
            var next = s + 1 < starts.Count ? starts[s + 1].Block : blocks.Count;
            var section = new PaperSection(starts[s].Title, starts[s].Block, EndOf(blocks, starts[s].Block, starts[s].Level, next));
            if (starts[s].Vouched || paperContext || TitleHeuristics.HasNameColon(section.Title) || ShowsAPaper(blocks, hits, section))
            {
                sections.Add(section);
            }
        }

        return sections;
    }

    /// <summary>
    /// A title heading with one title-like line under it is a paper with a sub-heading (the line is dropped); one with
    /// several is a category heading over a list of papers (the heading is dropped).
    /// </summary>
    private static List<Start> WithoutNesting(IReadOnlyList<PostBlock> blocks, List<Start> candidates)
    {
        var removed = new bool[candidates.Count];
        for (var c = 0; c < candidates.Count; c++)
        {
            if (removed[c] || !candidates[c].IsHeading)
            {
                continue;
            }

            var end = EndOf(blocks, candidates[c].Block, candidates[c].Level, blocks.Count);
            var children = Enumerable.Range(c + 1, candidates.Count - c - 1)
                .Where(k => !removed[k] && candidates[k].Block < end)
                .ToList();
            if (children.Count >= 2)
            {
                removed[c] = true;
            }
            else if (children.Count == 1)
            {
                removed[children[0]] = true;
            }
        }

        return candidates.Where((_, c) => !removed[c]).ToList();
    }

    private static bool ShowsAPaper(IReadOnlyList<PostBlock> blocks, IReadOnlyList<IReadOnlyList<PaperIdHit>> hits, PaperSection section)
    {
        for (var i = section.Start; i < section.End; i++)
        {
            if (hits[i].Count > 0 || PostLabels.Read(blocks[i].Text).Label is PostLabel.Authors or PostLabel.Abstract)
            {
                return true;
            }
        }

        return false;
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

    /// <summary>Where a paper starts; <paramref name="Vouched"/>: a label, an author line or a paper link says so.</summary>
    private sealed record Start(int Block, string Title, int Level, bool IsHeading, int TitleBlock, bool Vouched = false);

    private static Start? StartAt(
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
                ? new Start(i, title, level, isHeading, titleBlock, Vouched: true)
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
            return new Start(i, cleaned, level, isHeading, i, Vouched: true);
        }

        if (block.IsHeadingLike && TitleHeuristics.IsStrictTitle(cleaned))
        {
            return new Start(i, cleaned, level, isHeading, i);
        }

        // A heading that is wholly a paper link names that paper, even in sentence case ("s1: Simple test-time scaling").
        if (block.IsHeadingLike && TitleHeuristics.IsLenientTitle(cleaned) && TitleHeuristics.IsMostlyLatin(cleaned)
            && hits[i].Any(h => h.LinkText is { } text && TitleHeuristics.Clean(text) == cleaned))
        {
            return new Start(i, cleaned, level, isHeading, i, Vouched: true);
        }

        if (block.Numbered && !block.IsHeadingLike && IsPaperListEntry(blocks, i, cleaned))
        {
            return new Start(i, cleaned, level, isHeading, i);
        }

        foreach (var candidate in TitleHeuristics.Candidates(block.Text).Skip(1))
        {
            var vouched = hits[i].Count > 0 ? TitleHeuristics.IsLenientTitle(candidate) : TitleHeuristics.IsStrictTitle(candidate);
            if (vouched && block.Text.Contains('《' + candidate, StringComparison.Ordinal))
            {
                return new Start(i, candidate, level, isHeading, i);
            }
        }

        return null;
    }

    /// <summary>
    /// A numbered entry is a paper when its list (the run of numbered blocks around it) is mostly strict titles; inside
    /// such a list a plainer, sentence-case title is accepted too. A how-to list with one title-cased step is not.
    /// </summary>
    private static bool IsPaperListEntry(IReadOnlyList<PostBlock> blocks, int i, string cleaned)
    {
        var first = i;
        while (first > 0 && blocks[first - 1].Numbered && blocks[first - 1].Kind == blocks[i].Kind)
        {
            first--;
        }

        var last = i;
        while (last + 1 < blocks.Count && blocks[last + 1].Numbered && blocks[last + 1].Kind == blocks[i].Kind)
        {
            last++;
        }

        var strict = Enumerable.Range(first, last - first + 1)
            .Count(k => TitleHeuristics.IsStrictTitle(TitleHeuristics.Clean(blocks[k].Text)));
        if (strict * 2 < last - first + 1)
        {
            return false;
        }

        return TitleHeuristics.IsStrictTitle(cleaned) || TitleHeuristics.IsPlainTitle(cleaned);
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
