namespace Aggregator.Storage;

/// <summary>
/// A named claim on work that one instance of a deployment does at a time. The enrichment pass needs it: arXiv's one
/// request every three seconds is asked of a client, not of each of its processes, and the timer, an operator's
/// POST /api/ingest and a CLI on the same store can all start a pass. Held in storage until released or until its
/// time runs out, so a holder that dies frees it by itself.
/// </summary>
public interface IWorkLease
{
    /// <summary>A handle when this caller now holds <paramref name="name"/> for <paramref name="duration"/>; null while another does.</summary>
    Task<WorkLeaseHandle?> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Gives the lease up before its time; nothing happens if it has already passed to another holder.</summary>
    Task ReleaseAsync(WorkLeaseHandle handle, CancellationToken cancellationToken = default);
}
