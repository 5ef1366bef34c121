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
}
