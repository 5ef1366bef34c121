namespace Aggregator.Storage;

public enum PostAddOutcome
{
    /// <summary>Stored as a new post (or a previous attempt of the same post completed).</summary>
    Added,

    /// <summary>Another writer stored the same item (a shared guid or link) first; this copy was recorded on it.</summary>
    Known,

    /// <summary>Another writer stored a near-duplicate first; this copy was recorded on it.</summary>
    Duplicate,
}
