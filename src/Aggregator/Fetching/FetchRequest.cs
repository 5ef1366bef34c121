namespace Aggregator.Fetching;

/// <summary>A conditional GET: validators from the previous successful fetch make an unchanged source cost a 304.</summary>
public sealed record FetchRequest(Uri Url)
{
    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    /// <summary>Sent as <c>Referer</c>; needed by image hosts that refuse hot-linking.</summary>
    public Uri? Referer { get; init; }

    /// <summary>Overrides the fetcher's default byte cap for this request.</summary>
    public long? MaxBytes { get; init; }

    /// <summary>Overrides the fetcher's Accept header (feeds first) for this request, e.g. <c>image/*</c> for images.</summary>
    public string? Accept { get; init; }

    /// <summary>
    /// Lets this fetch (every hop of it) connect to loopback, private and link-local addresses, which are otherwise
    /// refused: only for a source the operator marked <c>allowPrivateNetwork</c>, never for a URL a source supplied.
    /// </summary>
    public bool AllowPrivateNetwork { get; init; }
}
