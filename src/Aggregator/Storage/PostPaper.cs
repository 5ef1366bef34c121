namespace Aggregator.Storage;

/// <summary>A paper a post talks about, as the post's feed item lists it.</summary>
/// <param name="Url">The paper's canonical URL: arXiv abs, else OpenReview forum, else DOI, else the post.</param>
public sealed record PostPaper(string PaperId, string Title, string Url);
