using Azure.Core;

namespace Aggregator.AzureStorage.Tables;

/// <summary>Retries, diagnostics and transport for the table clients (Azure.Core's <see cref="ClientOptions"/>).</summary>
public sealed class TableClientOptions : ClientOptions
{
}
