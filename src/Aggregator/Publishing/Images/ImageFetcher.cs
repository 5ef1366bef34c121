using System.Globalization;
using System.Net;
using Aggregator.Fetching;
using Microsoft.Extensions.Options;

namespace Aggregator.Publishing.Images;

/// <summary>
/// Fetches one image for the proxy, connecting only where the source fetcher may (<see cref="NetworkAddressPolicy"/>,
/// checked on the resolved address by <see cref="AddressCheckedConnector"/>). Redirects go through the same connect
/// step, so a redirect to an internal address is refused too. One deadline covers headers and the whole body.
/// </summary>
internal sealed class ImageFetcher : IDisposable
{
    private readonly HttpClient client;
    private readonly ImageProxyOptions options;

    public ImageFetcher(IOptions<ImageProxyOptions> options)
    {
        this.options = options.Value;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 3,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = AddressCheckedConnector.For(NetworkAddressPolicy.For(this.options.AllowLoopbackForTests)),
        };

        // The deadline is FetchAsync's own: HttpClient.Timeout stops at the headers, and a body that trickles a byte a
        // second would hold the request (and a worker) for as long as the origin likes.
        client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (compatible; AggregatorImageProxy/1.0)");
        client.DefaultRequestHeaders.Accept.ParseAdd("image/avif,image/webp,image/png,image/jpeg,image/gif,image/*;q=0.8");
    }

    /// <summary>Fetches <paramref name="url"/> with the Referer its host accepts; throws <see cref="ImageRefusedException"/> when policy forbids it.</summary>
    public async Task<ImageFetchResult> FetchAsync(Uri url, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (options.RefererFor(url.IdnHost) is { } referer)
        {
            request.Headers.Referrer = new Uri(referer);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Timeout);
        try
        {
            return await SendAsync(request, deadline.Token);
        }
        catch (HttpRequestException ex) when (AddressCheckedConnector.FindRefusal(ex) is { } refusal)
        {
            throw new ImageRefusedException(refusal.Message);
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException
            && deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return ImageFetchResult.Failed(
                $"the image host did not send the whole image within {options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return ImageFetchResult.Failed($"the image could not be fetched: {ex.Message}");
        }
    }

    private async Task<ImageFetchResult> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return ImageFetchResult.Failed($"the image host answered {(int)response.StatusCode}");
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant();
        // SVG is an image type that runs script when opened from our origin; only raster formats are proxied.
        if (mediaType is null || !mediaType.StartsWith("image/", StringComparison.Ordinal) || mediaType.Contains("svg", StringComparison.Ordinal))
        {
            throw new ImageRefusedException($"the URL is not an image (Content-Type: {mediaType ?? "none"}); only raster image/* types are proxied");
        }

        if (response.Content.Headers.ContentLength > options.MaxBytes)
        {
            throw new ImageRefusedException($"the image is larger than the proxy's limit of {options.MaxBytes} bytes");
        }

        var bytes = await ReadCappedAsync(response.Content, cancellationToken);
        return ImageFetchResult.Fetched(new CachedImage(mediaType, bytes));
    }

    public void Dispose() => client.Dispose();

    private async Task<byte[]> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > options.MaxBytes)
            {
                throw new ImageRefusedException($"the image is larger than the proxy's limit of {options.MaxBytes} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

}
