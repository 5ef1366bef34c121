using Azure;

namespace Aggregator.AzureStorage.Tables;

/// <summary>The answer to "get if exists" when the entity is not there: no value, and no exception.</summary>
internal sealed class MissingEntityResponse<T>(Response response) : NullableResponse<T>
{
    public override bool HasValue => false;

    public override T Value => throw new InvalidOperationException(
        $"The entity does not exist (status {response.Status}); check {nameof(HasValue)} before reading {nameof(Value)}.");

    public override Response GetRawResponse() => response;
}
