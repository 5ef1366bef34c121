namespace Aggregator.AzureStorage.Tables;

/// <summary>Relative, escaped resource paths of the Table service: tables and entities addressed by their keys.</summary>
internal static class TableResourcePaths
{
    public const string Tables = "Tables";

    public static string Table(string tableName) => $"Tables('{tableName}')";

    /// <summary>
    /// <c>table(PartitionKey='…',RowKey='…')</c>: quotes doubled as OData requires, then percent-encoded, after checking
    /// the keys hold nothing the service forbids.
    /// </summary>
    public static string Entity(string tableName, string partitionKey, string rowKey)
    {
        EntityValidator.ValidateKey(partitionKey, nameof(partitionKey));
        EntityValidator.ValidateKey(rowKey, nameof(rowKey));
        return $"{tableName}(PartitionKey='{EscapeKey(partitionKey)}',RowKey='{EscapeKey(rowKey)}')";
    }

    private static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));
}
