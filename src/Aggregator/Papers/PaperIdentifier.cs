namespace Aggregator.Papers;

/// <summary>
/// Finds the papers a post talks about. The post is cut into blocks, paper ids are read from every block (arXiv, DOI,
/// OpenReview, ACL Anthology; redirector-wrapped links unwrapped), and the post is split into per-paper sections at the
/// blocks that introduce a paper (title labels, digest title + author lines, title headings, numbered title entries).
/// <list type="bullet">
/// <item>Several sections: each is one paper with its own fields; a section takes the first id of each kind inside it
/// (later ones are references), and ids outside every section are papers of their own.</item>
/// <item>One section: the post is about that paper; it takes the ids of its section, then of link lines anywhere, then
/// (only when it has none) the first in the prose, and the whole post as context; other ids are references and
/// dropped.</item>
/// <item>No section: every id (ids read from the same line together) is a paper, titled by its link text or the line
/// that reads as a title next to it.</item>
/// </list>
/// A post that is a paper's own page (an arXiv, Hugging Face or OpenReview feed item: its address or its title carries
/// the id) is that one paper, titled by the post title, its body the abstract.
/// Mentions of the same paper within the post (sharing a key) are combined; mentions with no key are dropped.
/// </summary>
public sealed class PaperIdentifier : IPaperIdentifier
{
    private const int MaxSectionContextChars = 2000;
    private const int MaxPostContextChars = 4000;

    public IReadOnlyList<PaperMention> Identify(PostDocument post)
    {
        ArgumentNullException.ThrowIfNull(post);
        var blocks = PostBlockReader.Read(post);
        var hits = blocks.Select(PaperIdScanner.Scan).ToList();
        var sections = PaperSectionSplitter.Split(blocks, hits, PaperContextWords.AreIn(post.Title, blocks));
        var covered = new bool[blocks.Count];
        var drafts = new List<MentionDraft>();

        foreach (var section in sections)
        {
            for (var i = section.Start; i < section.End; i++)
            {
                covered[i] = true;
            }

            var draft = FromSection(blocks, section, post.BaseUri);
            draft.TakeIds(hits.Skip(section.Start).Take(section.End - section.Start).SelectMany(h => h));
            if (sections.Count == 1)
            {
                CompleteSinglePaper(draft, post, blocks, hits);
            }

            drafts.Add(draft);
        }

        if (sections.Count == 0 && PostOwnPaper.Find(post) is { } own)
        {
            // The post is the paper's page: its body is the paper's abstract or description, not a list of papers.
            own.Context = WholeText(post, blocks);
            own.CodeUrls = SectionFields.CodeUrls(blocks, 0, blocks.Count, post.BaseUri);
            FillFromWholePost(own, blocks);
            own.Abstract ??= SectionFields.Context(blocks, 0, blocks.Count, MaxSectionContextChars);
            drafts.Add(own);
        }
        else if (sections.Count != 1)
        {
            drafts.AddRange(LooseIdMentions(post, blocks, hits, covered, onlyPaper: sections.Count == 0));
        }

        return PaperMergeModel.Group(drafts.Select(d => d.ToMention()))
            .Select(MentionDraft.Combine)
            .Where(m => m.Keys.Count > 0)
            .ToList();
    }

    private static MentionDraft FromSection(IReadOnlyList<PostBlock> blocks, PaperSection section, Uri? baseUri)
    {
        var draft = new MentionDraft
        {
            Title = section.Title,
            Authors = SectionFields.Authors(blocks, section.Start, section.End),
            Abstract = SectionFields.Abstract(blocks, section.Start, section.End),
            ReadySummary = SectionFields.ReadySummary(blocks, section.Start, section.End),
            CodeUrls = SectionFields.CodeUrls(blocks, section.Start, section.End, baseUri),
            Context = SectionFields.Context(blocks, section.Start, section.End, MaxSectionContextChars),
        };
        draft.AddLinks(SectionFields.PdfLinks(blocks, section.Start, section.End));
        return draft;
    }

    private static List<MentionDraft> LooseIdMentions(
        PostDocument post, IReadOnlyList<PostBlock> blocks, IReadOnlyList<IReadOnlyList<PaperIdHit>> hits, bool[] covered,
        bool onlyPaper)
    {
        var groups = new List<(int Block, List<PaperIdHit> Hits)>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (!covered[i] && hits[i].Count > 0)
            {
                groups.AddRange(LooseIdClusters.Cluster(hits[i], blocks[i].Text).Select(c => (i, c)));
            }
        }

        var distinctPapers = groups.Select(g => g.Hits[0].Kind + ":" + g.Hits[0].Value).Distinct().Count();
        var single = onlyPaper && distinctPapers == 1;
        var drafts = new List<MentionDraft>();
        foreach (var (blockIndex, groupHits) in groups)
        {
            var draft = new MentionDraft { Title = LooseTitle(blocks, hits, covered, blockIndex, groupHits) };
            draft.TakeIds(groupHits);
            if (single)
            {
                draft.Context = WholeText(post, blocks);
                FillFromWholePost(draft, blocks);
                draft.CodeUrls = SectionFields.CodeUrls(blocks, 0, blocks.Count, post.BaseUri);
            }
            else
            {
                draft.Context = SectionFields.Context(blocks, Math.Max(0, blockIndex - 1), blockIndex + 1, MaxSectionContextChars);
                draft.CodeUrls = SectionFields.CodeUrls(blocks, blockIndex, blockIndex + 1, post.BaseUri);
            }

            drafts.Add(draft);
        }

        return drafts;
    }

    /// <summary>A loose id's title: its link text, its own line, or the line before, whichever reads as a title.</summary>
    private static string? LooseTitle(
        IReadOnlyList<PostBlock> blocks, IReadOnlyList<IReadOnlyList<PaperIdHit>> hits, bool[] covered, int blockIndex,
        List<PaperIdHit> groupHits)
    {
        foreach (var hit in groupHits)
        {
            if (hit.LinkText is { } text && TitleHeuristics.IsStrictTitle(TitleHeuristics.Clean(text)))
            {
                return TitleHeuristics.Clean(text);
            }
        }

        var own = WebLinks.WithoutUrls(blocks[blockIndex].Text);
        var ownTitle = TitleHeuristics.Candidates(own).FirstOrDefault(TitleHeuristics.IsStrictTitle);
        if (ownTitle is not null)
        {
            return ownTitle;
        }

        var previous = blockIndex - 1;
        if (previous >= 0 && !covered[previous] && hits[previous].Count == 0
            && PostLabels.Read(blocks[previous].Text).Label == PostLabel.None)
        {
            return TitleHeuristics.Candidates(blocks[previous].Text).FirstOrDefault(TitleHeuristics.IsStrictTitle);
        }

        return null;
    }

    /// <summary>
    /// A post about one paper: the paper's ids are those in its section, then those on link lines anywhere ("论文链接：…"
    /// before the title label), and only when there are none at all the first ids in the prose (which are mostly
    /// references to other work). Its context is the whole post.
    /// </summary>
    private static void CompleteSinglePaper(
        MentionDraft draft, PostDocument post, IReadOnlyList<PostBlock> blocks, IReadOnlyList<IReadOnlyList<PaperIdHit>> hits)
    {
        draft.TakeIds(hits.Where((_, i) => IsLinkLine(blocks[i])).SelectMany(h => h));
        if (!draft.HasIds)
        {
            draft.TakeIds(hits.SelectMany(h => h));
        }

        draft.Context = WholeText(post, blocks);
        FillFromWholePost(draft, blocks);
        if (draft.CodeUrls.Count == 0)
        {
            draft.CodeUrls = SectionFields.CodeUrls(blocks, 0, blocks.Count, post.BaseUri);
        }
    }

    /// <summary>In a single-paper post the paper's fields may sit anywhere ("总结" at the end of the article).</summary>
    private static void FillFromWholePost(MentionDraft draft, IReadOnlyList<PostBlock> blocks)
    {
        if (draft.Authors.Count == 0)
        {
            draft.Authors = SectionFields.Authors(blocks, 0, blocks.Count);
        }

        draft.Abstract ??= SectionFields.Abstract(blocks, 0, blocks.Count);
        draft.ReadySummary ??= SectionFields.ReadySummary(blocks, 0, blocks.Count);
    }

    private static bool IsLinkLine(PostBlock block)
    {
        var rest = WebLinks.WithoutUrls(block.Text).Trim();
        return block.Links.Count > 0 && rest.Length <= 30;
    }

    private static string WholeText(PostDocument post, IReadOnlyList<PostBlock> blocks)
    {
        var text = string.IsNullOrWhiteSpace(post.Text) ? string.Join("\n", blocks.Select(b => b.Text)) : post.Text.Trim();
        return text.Length <= MaxPostContextChars ? text : text[..MaxPostContextChars];
    }
}
