namespace Aggregator.AzureStorage.Tables;

/// <summary>A table, as the service describes it.</summary>
public sealed record TableItem(string Name);
