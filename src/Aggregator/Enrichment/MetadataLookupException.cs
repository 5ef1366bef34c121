namespace Aggregator.Enrichment;

/// <summary>A metadata lookup that did not produce an answer: the service failed, refused, or sent something unreadable.</summary>
public sealed class MetadataLookupException : Exception
{
    public MetadataLookupException()
    {
    }

    public MetadataLookupException(string message)
        : base(message)
    {
    }

    public MetadataLookupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MetadataLookupException(string message, MetadataFailure failure, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        RetryAfter = retryAfter;
    }

    public MetadataFailure Failure { get; }

    /// <summary>What the service asked for (Retry-After), when it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
