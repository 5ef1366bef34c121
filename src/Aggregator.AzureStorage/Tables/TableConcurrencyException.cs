using Azure;

namespace Aggregator.AzureStorage.Tables;

/// <summary>An update or delete carried an ETag that no longer matches the stored entity (412): reread and retry.</summary>
public sealed class TableConcurrencyException : RequestFailedException
{
    internal TableConcurrencyException(Response response)
        : base(response, null, TableErrorParser.Instance)
    {
    }
}
