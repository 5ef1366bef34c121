namespace Aggregator.Storage;

/// <summary>What storing a new post came to, once every other writer had its say.</summary>
public sealed record PostAddResult(PostAddOutcome Outcome, string PostId);
