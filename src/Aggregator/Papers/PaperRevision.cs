using Aggregator.Storage;

namespace Aggregator.Papers;

/// <summary>A stored paper after a revision, and the ids of the papers it absorbed on the way (now redirects to it).</summary>
public sealed record PaperRevision(Paper Paper, IReadOnlyList<string> Absorbed);
