namespace Aggregator.Storage;

/// <summary>Where a paper's title, authors and abstract came from; a higher value is the more authoritative.</summary>
public enum MetadataSource
{
    /// <summary>What the posts wrote: no service has described the paper.</summary>
    Posts = 0,

    /// <summary>An OpenReview note (venue submissions; often the only record of a paper not on arXiv).</summary>
    OpenReview = 1,

    /// <summary>arXiv's record: the authors' own title, author list and abstract.</summary>
    Arxiv = 2,
}
