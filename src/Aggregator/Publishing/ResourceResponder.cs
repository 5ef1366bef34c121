using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Aggregator.Publishing;

/// <summary>
/// Sends a <see cref="RenderedResource"/>: validators, Cache-Control, content coding, conditional GET (304, no body) and
/// HEAD (headers only). If-None-Match wins over If-Modified-Since, as RFC 9110 says.
/// </summary>
internal static class ResourceResponder
{
    public static Task SendAsync(HttpContext context, RenderedResource resource, string cacheControl)
    {
        var request = context.Request;
        var response = context.Response;
        var coding = ContentCodingNegotiator.Choose(request.Headers.AcceptEncoding);
        var (bytes, etag) = resource.Variant(coding);

        var headers = response.Headers;
        headers.CacheControl = cacheControl;
        headers.ETag = etag;
        headers.Vary = "Accept-Encoding";
        if (resource.LastModified is { } lastModified)
        {
            headers.LastModified = lastModified.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);
        }

        if (IsNotModified(request, resource))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = resource.ContentType;
        if (coding != ContentCoding.Identity)
        {
            headers.ContentEncoding = coding == ContentCoding.Brotli ? "br" : "gzip";
        }

        response.ContentLength = bytes.Length;
        return HttpMethods.IsHead(request.Method)
            ? Task.CompletedTask
            : response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }

    private static bool IsNotModified(HttpRequest request, RenderedResource resource)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            foreach (var value in ifNoneMatch)
            {
                if (value is not null && MatchesAny(value, resource))
                {
                    return true;
                }
            }

            return false;
        }

        var ifModifiedSince = request.Headers.IfModifiedSince;
        return resource.LastModified is { } lastModified
            && ifModifiedSince.Count == 1
            && HeaderUtilities.TryParseDate(ifModifiedSince[0], out var since)
            && lastModified <= since;
    }

    /// <summary>Weak comparison, as If-None-Match requires: any coding's tag (or W/ form, or *) of this content matches.</summary>
    private static bool MatchesAny(string header, RenderedResource resource)
    {
        foreach (var raw in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (raw == "*")
            {
                return true;
            }

            var tag = raw.StartsWith("W/", StringComparison.Ordinal) ? raw[2..] : raw;
            if (tag == resource.ETag || tag == resource.GzipETag || tag == resource.BrotliETag)
            {
                return true;
            }
        }

        return false;
    }
}
