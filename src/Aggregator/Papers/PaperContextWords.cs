using System.Text.RegularExpressions;

namespace Aggregator.Papers;

/// <summary>
/// Whether a post talks about research papers at all: the words "paper", "论文", "arXiv", "preprint", "abstract" or a
/// venue name in its title or text. Title-cased headings count as paper titles only in such posts (or with evidence).
/// </summary>
internal static partial class PaperContextWords
{
    [GeneratedRegex(@"论文|文献|预印本|顶会|\b(?:papers?|arxiv|preprints?|abstract|proceedings|openreview|ICLR|NeurIPS|NIPS|ICML|CVPR|ICCV|ECCV|ACL|EMNLP|NAACL|AAAI|IJCAI|KDD|SIGIR|WWW|COLM)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Words();

    public static bool AreIn(string title, IReadOnlyList<PostBlock> blocks) =>
        Words().IsMatch(title) || blocks.Any(b => Words().IsMatch(b.Text));
}
