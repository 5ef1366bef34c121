using Azure;

namespace Aggregator.AzureStorage.Tables;

/// <summary>
/// <see cref="TableClient.AddEntityAsync{T}"/> found an entity with the same keys (409 EntityAlreadyExists): the cheap
/// "already stored" signal for idempotent ingestion.
/// </summary>
public sealed class TableEntityAlreadyExistsException : RequestFailedException
{
    internal TableEntityAlreadyExistsException(Response response)
        : base(response, null, TableErrorParser.Instance)
    {
    }
}
