namespace Aggregator.Papers;

/// <summary>Kinds of paper identity, strongest first: a paper's identity is the first key it has in this order.</summary>
public enum PaperKeyKind
{
    Arxiv = 0,
    Doi = 1,
    OpenReview = 2,
    Acl = 3,
    Title = 4,
}
