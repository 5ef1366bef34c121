namespace Aggregator.Publishing;

/// <summary>
/// Marks a response served from an earlier rendering because storage could not be read. Warning (110) says the same
/// to generic caches; this one is for people and monitors, since RFC 9111 retired Warning and some clients drop it.
/// </summary>
public static class StaleHeader
{
    public const string Name = "X-Aggregator-Stale";

    public const string StorageUnavailable = "storage-unavailable";
}
