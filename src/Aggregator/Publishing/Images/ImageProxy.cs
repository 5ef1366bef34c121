using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aggregator.Publishing.Images;

/// <summary>
/// Serves GET /api/image?url=…&amp;sig=…: checks the signature, serves from the image cache, or fetches once (with the
/// Referer the host wants), stores and serves. Every refusal says why, in plain text.
/// </summary>
internal sealed partial class ImageProxy(
    IOptions<ImageProxyOptions> options,
    IImageKeyRecovery keyRecovery,
    ImageUrlSigner signer,
    ImageFetcher fetcher,
    IImageCache cache,
    ILogger<ImageProxy> logger)
{
    internal const string ImmutableCacheControl = "public, max-age=31536000, immutable";

    public async Task HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        if (!options.Value.IsActive)
        {
            await keyRecovery.TryRecoverAsync();
        }

        if (!options.Value.IsActive)
        {
            await PlainText.WriteAsync(context, StatusCodes.Status404NotFound, "The image proxy is off: it needs IMAGE_PROXY_ENABLED not false and a signing key (IMAGE_PROXY_SIGNING_KEY, or storage to keep a generated one in).");
            return;
        }

        var query = context.Request.Query;
        string? url = query["url"];
        string? signature = query["sig"];
        if (query["url"].Count != 1 || query["sig"].Count != 1 || string.IsNullOrEmpty(url) || string.IsNullOrEmpty(signature))
        {
            await PlainText.WriteAsync(context, StatusCodes.Status400BadRequest, "url and sig must each be given once: use the image links in this aggregator's feeds.");
            return;
        }

        if (!signer.Verify(url, signature))
        {
            await PlainText.WriteAsync(context, StatusCodes.Status403Forbidden, "sig does not match url: only image links from this aggregator's feeds are proxied.");
            return;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            await PlainText.WriteAsync(context, StatusCodes.Status400BadRequest, "url must be an absolute http or https URL.");
            return;
        }

        var key = ImageUrlSigner.CacheKey(url);
        var image = await LoadAsync(key, cancellationToken);
        if (image is null)
        {
            try
            {
                var result = await fetcher.FetchAsync(uri, cancellationToken);
                if (result.Image is null)
                {
                    LogFetchFailed(uri.Host, result.Error);
                    await PlainText.WriteAsync(context, StatusCodes.Status502BadGateway, $"Bad gateway: {result.Error}.");
                    return;
                }

                image = result.Image;
            }
            catch (ImageRefusedException ex)
            {
                LogRefused(uri.Host, ex.Message);
                await PlainText.WriteAsync(context, StatusCodes.Status403Forbidden, $"Refused: {ex.Message}.");
                return;
            }

            await StoreAsync(key, image, cancellationToken);
        }

        await SendAsync(context, key, image);
    }

    private async Task<CachedImage?> LoadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await cache.GetAsync(key, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An unreachable cache costs a fetch from the origin, not a broken image.
            LogCacheReadFailed(ex, key);
            return null;
        }
    }

    private async Task StoreAsync(string key, CachedImage image, CancellationToken cancellationToken)
    {
        try
        {
            await cache.SetAsync(key, image, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The image is still served; the next request fetches it again.
            LogCacheWriteFailed(ex, key);
        }
    }

    private static Task SendAsync(HttpContext context, string key, CachedImage image)
    {
        var response = context.Response;
        var etag = $"\"{key[..32]}\"";
        response.Headers.CacheControl = ImmutableCacheControl;
        response.Headers.ETag = etag;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && (v.Contains(etag, StringComparison.Ordinal) || v.Trim() == "*")))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = image.ContentType;
        response.ContentLength = image.Content.Length;
        return HttpMethods.IsHead(context.Request.Method)
            ? Task.CompletedTask
            : response.Body.WriteAsync(image.Content, context.RequestAborted).AsTask();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Image proxy refused {Host}: {Reason}")]
    private partial void LogRefused(string host, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Image proxy could not fetch from {Host}: {Reason}")]
    private partial void LogFetchFailed(string host, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Image proxy could not read {Key} from its cache")]
    private partial void LogCacheReadFailed(Exception exception, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Image proxy could not cache {Key}")]
    private partial void LogCacheWriteFailed(Exception exception, string key);
}
