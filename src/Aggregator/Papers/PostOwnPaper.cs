using System.Text.RegularExpressions;

namespace Aggregator.Papers;

/// <summary>
/// Posts that are a paper's own page: an item of an arXiv, Hugging Face papers or OpenReview feed, whose address is the
/// paper's page, or whose title carries the paper's id ("Step-DPO: … (arXiv:2406.18629v1 [cs.LG])"). Their title is
/// the paper's title. Only then is the post title trusted as a paper title: a blog's own title usually is not one.
/// </summary>
internal static partial class PostOwnPaper
{
    [GeneratedRegex(@"\s*[(（]\s*arxiv\s*[:：]?\s*[^)）]*[)）]\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ArxivSuffix();

    public static MentionDraft? Find(PostDocument post)
    {
        var hits = new List<PaperIdHit>();
        if (post.BaseUri is { } address)
        {
            hits.AddRange(PaperIdScanner.FromLink(new PostLink(address.AbsoluteUri, post.Title), -1));
        }

        var titleBlock = new PostBlock(PostBlockKind.Heading, 1, post.Title, [], false, false);
        hits.AddRange(PaperIdScanner.Scan(titleBlock, -1));
        if (hits.Count == 0 || hits.Select(h => (h.Kind, h.Value)).Distinct().GroupBy(h => h.Kind).Any(g => g.Count() > 1))
        {
            return null;
        }

        var title = TitleHeuristics.Clean(ArxivSuffix().Replace(post.Title, ""));
        var draft = new MentionDraft { Title = TitleHeuristics.IsLenientTitle(title) ? title : null };
        draft.TakeIds(hits);
        return draft;
    }
}
