using Azure;

namespace Aggregator.AzureStorage.Tables;

/// <summary>What every table entity has: its keys, the server's timestamp and the ETag used for optimistic concurrency.</summary>
public interface ITableEntity
{
    string PartitionKey { get; set; }

    string RowKey { get; set; }

    DateTimeOffset? Timestamp { get; set; }

    ETag ETag { get; set; }
}
