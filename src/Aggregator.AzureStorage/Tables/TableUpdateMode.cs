namespace Aggregator.AzureStorage.Tables;

/// <summary>How an update treats properties the new entity lacks: Merge keeps them, Replace removes them.</summary>
public enum TableUpdateMode
{
    Merge,
    Replace,
}
