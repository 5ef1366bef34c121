using Azure;
using Azure.Data.Tables;

namespace Aggregator.Storage.Tables;

/// <summary>
/// Leases as rows of the meta table ("lease", name): who holds it and until when. Taking one is insert-if-absent, or
/// a replace conditional on the expired row's ETag, so of two instances racing for it exactly one wins.
/// </summary>
public sealed class TableWorkLease(AggregatorTables tables, TimeProvider clock) : IWorkLease
{
    private const string Partition = "lease";
    private const string HolderColumn = "Holder";
    private const string UntilColumn = "Until";

    public async Task<WorkLeaseHandle?> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var table = await tables.GetAsync(tables.Names.Meta).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var holder = Guid.NewGuid().ToString("N");
        var claim = new TableEntity(Partition, name) { [HolderColumn] = holder, [UntilColumn] = now + duration };
        var current = await table.GetEntityIfExistsAsync<TableEntity>(Partition, name, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (current.HasValue && current.Value!.GetDateTimeOffset(UntilColumn) > now)
        {
            return null;
        }

        // Whether the claim won is read back rather than taken from the write's answer: a write the SDK retried after
        // it had in fact landed reports a conflict with itself, and only the holder column tells. The read also gives
        // the version a release is conditional on.
        _ = current.HasValue
            ? await table.UpdateIfUnchangedAsync(claim, current.Value!.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false)
            : await table.AddIfAbsentAsync(claim, cancellationToken).ConfigureAwait(false);
        var written = await table.GetEntityIfExistsAsync<TableEntity>(Partition, name, cancellationToken: cancellationToken).ConfigureAwait(false);
        return written.HasValue && written.Value!.GetString(HolderColumn) == holder
            ? new WorkLeaseHandle(name, holder, now + duration, written.Value.ETag.ToString())
            : null;
    }

    public async Task ReleaseAsync(WorkLeaseHandle handle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var table = await tables.GetAsync(tables.Names.Meta).ConfigureAwait(false);
        var released = new TableEntity(Partition, handle.Name) { [HolderColumn] = "", [UntilColumn] = clock.GetUtcNow() };
        // Conditional: a lease that ran out and was taken by another instance is theirs now, and stays so.
        await table.UpdateIfUnchangedAsync(released, new ETag(handle.Version), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }
}
