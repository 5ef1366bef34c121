namespace Aggregator.Fetching;

/// <summary>What a fetch returned. Failures are <see cref="FetchException"/>s, never a response.</summary>
public sealed class FetchResponse
{
    public required Uri RequestedUrl { get; init; }

    /// <summary>The URL after redirects: relative links in the body resolve against it.</summary>
    public required Uri FinalUrl { get; init; }

    public int StatusCode { get; init; } = 200;

    /// <summary>304: the source has not changed since the validators sent; <see cref="Body"/> is empty.</summary>
    public bool NotModified => StatusCode == 304;

    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The Content-Type header as sent (with any charset parameter), or null.</summary>
    public string? ContentType { get; init; }

    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    /// <summary>The body was longer than the byte cap and was cut off there.</summary>
    public bool Truncated { get; init; }

    /// <summary>How long the server asked us to wait before the next request (Retry-After or Cache-Control max-age).</summary>
    public TimeSpan? RetryAfter { get; init; }
}
