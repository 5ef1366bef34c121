using Azure;
using Azure.Data.Tables;

namespace Aggregator.Storage.Tables;

/// <summary>
/// Every write the stores make, in one place: the entity is checked against the service's rules first
/// (<see cref="EntityRules"/>), and the service's answers that are outcomes rather than failures are mapped from
/// <see cref="RequestFailedException"/> here and nowhere else — 409 (already there) for inserts, 412 (changed since
/// read) for conditional updates, 404 for deletes and updates of a row that is gone. Those are how concurrent writers
/// learn about each other without locks; anything else propagates.
/// </summary>
internal static class TableWrites
{
    /// <summary>Inserts the entity; false when a row with its keys already exists (someone else wrote it first).</summary>
    public static async Task<bool> AddIfAbsentAsync(this TableClient table, ITableEntity entity, CancellationToken cancellationToken = default)
    {
        EntityRules.Validate(entity);
        try
        {
            await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public static async Task UpsertAsync(this TableClient table, ITableEntity entity, TableUpdateMode mode, CancellationToken cancellationToken = default)
    {
        EntityRules.Validate(entity);
        await table.UpsertEntityAsync(entity, mode, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Updates the entity if it is still the version <paramref name="ifMatch"/> names; false when another writer changed
    /// or deleted it since it was read, so the caller reads again and reapplies its change.
    /// </summary>
    public static async Task<bool> UpdateIfUnchangedAsync(
        this TableClient table, ITableEntity entity, ETag ifMatch, TableUpdateMode mode, CancellationToken cancellationToken = default)
    {
        EntityRules.Validate(entity);
        try
        {
            await table.UpdateEntityAsync(entity, ifMatch, mode, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>
    /// Submits one entity-group transaction; false when the service refused it as a whole because an Add met an existing
    /// row or a conditional action met a changed one (nothing of it was applied).
    /// </summary>
    public static async Task<bool> SubmitIfConsistentAsync(
        this TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        EntityRules.Validate(actions);
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            return false;
        }
    }

    /// <summary>Deletes the row if it exists (and, with an ETag, if it is still that version); false when there was nothing to delete.</summary>
    public static async Task<bool> DeleteIfPresentAsync(
        this TableClient table, string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await table.DeleteEntityAsync(partitionKey, rowKey, ifMatch, cancellationToken).ConfigureAwait(false);
            return response.Status != 404;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    public static Task<bool> DeleteIfPresentAsync(this TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken = default) =>
        table.DeleteIfPresentAsync(partitionKey, rowKey, ETag.All, cancellationToken);
}
