namespace Aggregator.AzureStorage.Tables;

/// <summary>The operation a <see cref="TableTransactionAction"/> performs.</summary>
public enum TableTransactionActionType
{
    Add,
    UpdateMerge,
    UpdateReplace,
    Delete,
    UpsertMerge,
    UpsertReplace,
}
