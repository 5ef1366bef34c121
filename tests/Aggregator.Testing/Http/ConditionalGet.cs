using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Aggregator.Testing.Http;

/// <summary>RFC 9110 §13 as far as a test server needs it: If-None-Match first, else If-Modified-Since.</summary>
internal static class ConditionalGet
{
    public static bool IsNotModified(HttpRequest request, string? etag, DateTimeOffset? lastModified)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch.ToString();
        if (!string.IsNullOrEmpty(ifNoneMatch))
        {
            // When both are sent, If-Modified-Since must be ignored (RFC 9110 §13.1.3).
            return etag is not null && ifNoneMatch.Split(',').Any(tag => Matches(tag.Trim(), etag));
        }

        var ifModifiedSince = request.Headers.IfModifiedSince.ToString();
        return lastModified is { } modified
            && HeaderUtilities.TryParseDate(ifModifiedSince, out var since)
            && TruncateToSeconds(modified) <= since;
    }

    // Weak comparison: GET may use it, and servers commonly add or drop the W/ prefix.
    private static bool Matches(string candidate, string etag) =>
        candidate == "*" || string.Equals(StripWeak(candidate), StripWeak(etag), StringComparison.Ordinal);

    private static string StripWeak(string etag) => etag.StartsWith("W/", StringComparison.Ordinal) ? etag[2..] : etag;

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), value.Offset);
}
