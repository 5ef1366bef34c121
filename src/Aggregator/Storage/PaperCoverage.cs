namespace Aggregator.Storage;

/// <summary>A post that covered a paper.</summary>
public sealed record PaperCoverage(
    string PostId,
    string SourceId,
    string SourceName,
    string PostTitle,
    string PostLink,
    DateTimeOffset SeenAt);
