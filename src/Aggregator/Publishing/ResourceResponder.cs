using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Aggregator.Publishing;

/// <summary>
/// Sends a <see cref="RenderedResource"/>: validators, Cache-Control, content coding, conditional GET (304, no body) and
/// HEAD (headers only). If-None-Match wins over If-Modified-Since, as RFC 9110 says.
/// </summary>
internal static class ResourceResponder
{
    /// <param name="browserContentType">
    /// For feeds: the type to send a browser instead, so it applies the feed's stylesheet (see <see cref="BrowserDetector"/>).
    /// </param>
    /// <param name="varyOnAccept">The URL has other representations chosen by Accept (the feed and its browser page).</param>
    public static Task SendAsync(HttpContext context, RenderedResource resource, string cacheControl, string? browserContentType = null, bool varyOnAccept = false)
    {
        var request = context.Request;
        var response = context.Response;
        var coding = ContentCodingNegotiator.Choose(request.Headers.AcceptEncoding);
        var (bytes, etag) = resource.Variant(coding);
        var contentType = resource.ContentType;
        var headers = response.Headers;
        if (browserContentType is not null)
        {
            headers.Vary = "Accept-Encoding, Accept";
            if (BrowserDetector.WantsHtml(request.Headers.Accept))
            {
                contentType = browserContentType;
                // Another media type is another representation, so another strong tag: "<hash>-xml…".
                etag = etag.Insert(1 + resource.TagValue.Length, "-xml");
            }
        }
        else
        {
            headers.Vary = varyOnAccept ? "Accept-Encoding, Accept" : "Accept-Encoding";
        }

        if (resource.ContentSecurityPolicy is { } policy)
        {
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
        }

        headers.CacheControl = cacheControl;
        headers.ETag = etag;
        if (resource.LastModifiedHeader is { } lastModified)
        {
            headers.LastModified = lastModified;
        }

        if (IsNotModified(request, resource))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
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

    /// <summary>
    /// Weak comparison, as If-None-Match requires: the tag of any coding or media type of this content (they all start
    /// with its hash), its W/ form, or * matches.
    /// </summary>
    private static bool MatchesAny(string header, RenderedResource resource)
    {
        // The common case, a reader echoing the tag it was given, needs no parsing.
        if (header == resource.ETag || header == resource.GzipETag || header == resource.BrotliETag)
        {
            return true;
        }

        foreach (var raw in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (raw == "*")
            {
                return true;
            }

            var tag = raw.StartsWith("W/", StringComparison.Ordinal) ? raw[2..] : raw;
            if (tag.Length > resource.TagValue.Length + 1
                && tag[0] == '"'
                && tag.AsSpan(1, resource.TagValue.Length).SequenceEqual(resource.TagValue)
                && (tag[resource.TagValue.Length + 1] is '"' or '-'))
            {
                return true;
            }
        }

        return false;
    }
}
