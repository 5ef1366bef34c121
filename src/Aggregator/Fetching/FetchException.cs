namespace Aggregator.Fetching;

/// <summary>A fetch that produced no usable response; the message is written for an operator.</summary>
public sealed class FetchException : Exception
{
    public FetchException(FetchFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    public FetchFailure Failure { get; }

    /// <summary>The HTTP status when <see cref="Failure"/> is <see cref="FetchFailure.HttpStatus"/>.</summary>
    public int? StatusCode { get; init; }

    /// <summary>A server-requested delay (429/503 Retry-After) to honour before the next attempt.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
