using Azure;

namespace Aggregator.AzureStorage.Tables;

/// <summary>
/// One operation of an entity group transaction. <paramref name="etag"/> applies to updates and deletes; the default
/// means "any version" (<c>*</c>).
/// </summary>
public sealed class TableTransactionAction(TableTransactionActionType actionType, ITableEntity entity, ETag etag = default)
{
    public TableTransactionActionType ActionType { get; } = actionType;

    public ITableEntity Entity { get; } = entity ?? throw new ArgumentNullException(nameof(entity));

    public ETag ETag { get; } = etag;
}
