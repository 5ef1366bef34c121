using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Aggregator.Publishing.Images;

/// <summary>
/// Fetches one image for the proxy. DNS is resolved here, every address is checked, and the socket connects to a checked
/// address — never a second resolution the attacker could answer differently (DNS rebinding). Redirects go through the
/// same connect step, so a redirect to an internal address is refused too.
/// </summary>
internal sealed class ImageFetcher : IDisposable
{
    private readonly HttpClient client;
    private readonly ImageAddressPolicy policy;
    private readonly ImageProxyOptions options;

    public ImageFetcher(IOptions<ImageProxyOptions> options)
    {
        this.options = options.Value;
        policy = new ImageAddressPolicy(this.options.AllowLoopbackForTests);
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 3,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = ConnectAsync,
        };
        client = new HttpClient(handler) { Timeout = this.options.Timeout };
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

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex) when (FindRefusal(ex) is { } refusal)
        {
            throw refusal;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return ImageFetchResult.Failed($"the image could not be fetched: {ex.Message}");
        }

        using (response)
        {
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

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new ImageRefusedException($"{host} does not resolve to any address");
        }

        foreach (var address in addresses)
        {
            if (!policy.IsAllowed(address))
            {
                throw new ImageRefusedException($"{host} resolves to {address}, a loopback, private, link-local or reserved address");
            }
        }

        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }

    private static ImageRefusedException? FindRefusal(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is ImageRefusedException refusal)
            {
                return refusal;
            }
        }

        return null;
    }
}
