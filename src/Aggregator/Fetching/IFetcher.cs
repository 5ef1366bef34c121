namespace Aggregator.Fetching;

/// <summary>Fetches http(s) and file URLs with a byte cap, redirect limit, timeout and conditional GET.</summary>
public interface IFetcher
{
    /// <exception cref="FetchException">The source could not be fetched; the message says why.</exception>
    Task<FetchResponse> FetchAsync(FetchRequest request, CancellationToken cancellationToken = default);
}
