using Azure;

namespace Aggregator.AzureStorage.Tables;

/// <summary>
/// An entity group transaction was rejected and nothing in it was committed. <see cref="FailedTransactionActionIndex"/>
/// points at the action the service blamed, when it said.
/// </summary>
public sealed class TableTransactionFailedException : RequestFailedException
{
    internal TableTransactionFailedException(int status, string message, string? errorCode, int? failedTransactionActionIndex)
        : base(status, message, errorCode, null)
    {
        FailedTransactionActionIndex = failedTransactionActionIndex;
    }

    /// <summary>The zero-based index, in the submitted order, of the action that failed; null when the service did not say.</summary>
    public int? FailedTransactionActionIndex { get; }
}
