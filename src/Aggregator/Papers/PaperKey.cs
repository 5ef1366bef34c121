namespace Aggregator.Papers;

/// <summary>
/// One identity of a paper: a version-less arXiv id, a lower-case DOI, an OpenReview forum id, an ACL Anthology id, or a
/// normalised title. Two mentions that share any key are the same paper.
/// </summary>
public readonly record struct PaperKey(PaperKeyKind Kind, string Value)
{
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}:{Value}";
}
