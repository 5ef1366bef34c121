namespace Aggregator.Storage;

/// <summary>One source that carried a post; a post re-published elsewhere lists every copy here.</summary>
public sealed record PostSource(string SourceId, string SourceName, string Link, DateTimeOffset SeenAt);
