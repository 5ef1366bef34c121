namespace Aggregator.Fetching;

/// <summary>Why a fetch failed; decides whether and when the source is retried.</summary>
public enum FetchFailure
{
    Network,
    Timeout,
    HttpStatus,
    TooManyRedirects,
    TooLarge,
    UnsupportedScheme,
    NotFound,

    /// <summary>The address connected to is not public (loopback, private, link-local…) and the request did not allow it.</summary>
    Refused,
}
