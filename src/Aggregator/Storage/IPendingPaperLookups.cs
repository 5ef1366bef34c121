namespace Aggregator.Storage;

/// <summary>The papers whose metadata lookup is due: the enrichment stage's work list.</summary>
public interface IPendingPaperLookups
{
    /// <summary>Ids of up to <paramref name="max"/> papers due for a lookup at <paramref name="now"/>, the longest waiting first.</summary>
    Task<IReadOnlyList<string>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default);
}
