using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aggregator.Fetching;

/// <summary>
/// Fetches http(s) and file URLs over one shared <see cref="HttpClient"/> (registered by
/// <see cref="FetchingServiceCollectionExtensions.AddAggregatorFetching"/>): conditional GET, redirects followed by
/// hand (so each hop is checked and counted), a byte cap, a wall-clock timeout covering headers and body, and a limit
/// on concurrent requests per host. Every connection, on every hop, goes to a public address only
/// (<see cref="NetworkAddressPolicy"/>), unless the request is <see cref="FetchRequest.AllowPrivateNetwork"/>.
/// </summary>
/// <remarks>
/// <see cref="FetchResponse.RetryAfter"/> carries the server's hint for when to poll next: on 200 and 304 it is the
/// <c>Cache-Control: max-age</c>, if any. On 429 and 503 the <c>Retry-After</c> (seconds or an HTTP date) comes on the
/// <see cref="FetchException"/> instead. Neither is enforced here: the caller decides the next attempt (see
/// <see cref="RetrySchedule"/>).
/// </remarks>
public sealed partial class HttpFetcher : IFetcher
{
    /// <summary>The name of the <see cref="HttpClient"/> registered for fetching: it connects to public addresses only.</summary>
    public const string HttpClientName = "aggregator";

    /// <summary>The client for <see cref="FetchRequest.AllowPrivateNetwork"/> fetches, with a connection pool of its own.</summary>
    public const string PrivateNetworkHttpClientName = "aggregator-private-network";

    private readonly HttpClient client;
    private readonly HttpClient privateNetworkClient;
    private readonly FetcherOptions options;
    private readonly ILogger<HttpFetcher> logger;
    private readonly TimeProvider timeProvider;
    private readonly HostConcurrencyLimiter hostLimiter;

    public HttpFetcher(IHttpClientFactory httpClientFactory, IOptions<FetcherOptions> options, ILogger<HttpFetcher> logger, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.logger = logger;
        this.timeProvider = timeProvider;
        client = httpClientFactory.CreateClient(HttpClientName);
        privateNetworkClient = httpClientFactory.CreateClient(PrivateNetworkHttpClientName);
        hostLimiter = new HostConcurrencyLimiter(this.options.MaxConcurrentRequestsPerHost);
    }

    public async Task<FetchResponse> FetchAsync(FetchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Url.IsAbsoluteUri)
        {
            throw new ArgumentException($"Fetch URLs must be absolute; got '{request.Url}'.", nameof(request));
        }

        if (request.MaxBytes is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.MaxBytes, "FetchRequest.MaxBytes must be positive.");
        }

        var maxBytes = request.MaxBytes ?? options.MaxBytes;
        if (request.Url.Scheme is "http" or "https")
        {
            return await FetchHttpAsync(request, maxBytes, cancellationToken);
        }

        if (request.Url.IsFile)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Timeout);
            try
            {
                return await FileSourceReader.ReadAsync(request, maxBytes, timeout.Token);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new FetchException(FetchFailure.Timeout, $"Reading {request.Url.LocalPath} took longer than {Seconds(options.Timeout)}.", e);
            }
        }

        throw new FetchException(FetchFailure.UnsupportedScheme, $"Cannot fetch {request.Url}: only http, https and file URLs are supported.");
    }

    private async Task<FetchResponse> FetchHttpAsync(FetchRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var chain = new List<Uri> { request.Url };
        var url = request.Url;
        var client = request.AllowPrivateNetwork ? privateNetworkClient : this.client;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clockRunning = false;
        var readingBody = false;
        try
        {
            while (true)
            {
                using var slot = await hostLimiter.EnterAsync(url, timeout.Token);
                if (!clockRunning)
                {
                    timeout.CancelAfter(options.Timeout);
                    clockRunning = true;
                }

                using var message = CreateMessage(request, url);
                using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if (RedirectPolicy.IsRedirect(response.StatusCode))
                {
                    url = NextHop(response, chain);
                    LogRedirect(logger, chain[^2], (int)response.StatusCode, url);
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.NotModified)
                {
                    LogNotModified(logger, request.Url, Stopwatch.GetElapsedTime(started));
                    return new FetchResponse
                    {
                        RequestedUrl = request.Url,
                        FinalUrl = url,
                        StatusCode = 304,
                        ContentType = RawContentHeader(response, "Content-Type"),

                        // Many servers leave validators out of a 304; the ones we sent are still the current ones then.
                        ETag = RawHeader(response, "ETag") ?? request.ETag,
                        LastModified = RawContentHeader(response, "Last-Modified") ?? request.LastModified,
                        RetryAfter = Capped(response.Headers.CacheControl?.MaxAge),
                    };
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw StatusFailure(request, url, response);
                }

                readingBody = true;
                await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
                var (body, truncated) = await CappedBodyReader.ReadAsync(stream, maxBytes, response.Content.Headers.ContentLength, timeout.Token);
                LogFetched(logger, request.Url, (int)response.StatusCode, body.Length, truncated, Stopwatch.GetElapsedTime(started));
                return new FetchResponse
                {
                    RequestedUrl = request.Url,
                    FinalUrl = url,
                    StatusCode = (int)response.StatusCode,
                    Body = body,
                    ContentType = RawContentHeader(response, "Content-Type"),
                    ETag = RawHeader(response, "ETag"),
                    LastModified = RawContentHeader(response, "Last-Modified"),
                    Truncated = truncated,
                    RetryAfter = Capped(response.Headers.CacheControl?.MaxAge),
                };
            }
        }
        catch (HttpRequestException e) when (AddressCheckedConnector.FindRefusal(e) is { } refusal)
        {
            throw new FetchException(
                FetchFailure.Refused,
                $"GET {url}{RedirectNote(request, url)} refused: {refusal.Message}; set allowPrivateNetwork on this source to allow it.",
                refusal);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException
            && timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var phase = readingBody ? "; the body was still arriving (a server that trickles bytes is cut off here)" : string.Empty;
            throw new FetchException(
                FetchFailure.Timeout, $"GET {url} did not complete within {Seconds(options.Timeout)}{RedirectNote(request, url)}{phase}.", e);
        }
        catch (HttpRequestException e)
        {
            throw new FetchException(FetchFailure.Network, $"GET {url} failed: {e.Message}{RedirectNote(request, url)}", e);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            // The connection broke mid-body, or a gzip/br body was corrupt.
            throw new FetchException(FetchFailure.Network, $"GET {url} failed while reading the body: {e.Message}{RedirectNote(request, url)}", e);
        }
    }

    private HttpRequestMessage CreateMessage(FetchRequest request, Uri url)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, url);
        var headers = message.Headers;
        headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
        headers.TryAddWithoutValidation("Accept", request.Accept ?? options.Accept);

        // Validators go back exactly as the server sent them: servers compare the strings, and typed parsing would
        // drop the malformed (unquoted) ETags some of them use.
        if (request.ETag is not null)
        {
            headers.TryAddWithoutValidation("If-None-Match", request.ETag);
        }

        if (request.LastModified is not null)
        {
            headers.TryAddWithoutValidation("If-Modified-Since", request.LastModified);
        }

        if (request.Referer is not null)
        {
            headers.Referrer = request.Referer;
        }

        return message;
    }

    private Uri NextHop(HttpResponseMessage response, List<Uri> chain)
    {
        var from = chain[^1];
        var to = RedirectPolicy.Resolve(from, response.Headers.Location)
            ?? throw new FetchException(
                FetchFailure.HttpStatus,
                $"GET {from} returned {Describe(response.StatusCode, response.ReasonPhrase)} without a usable Location header.")
            {
                StatusCode = (int)response.StatusCode,
            };

        if (RedirectPolicy.Refusal(from, to) is { } refusal)
        {
            throw new FetchException(FetchFailure.UnsupportedScheme, $"GET {from} redirected to {to}, which is refused: {refusal}.");
        }

        chain.Add(to);
        if (chain.IndexOf(to) < chain.Count - 1)
        {
            throw new FetchException(FetchFailure.TooManyRedirects, $"GET {chain[0]} redirects in a loop: {RedirectPolicy.Describe(chain)}.");
        }

        if (chain.Count - 1 > options.MaxRedirects)
        {
            throw new FetchException(
                FetchFailure.TooManyRedirects,
                $"GET {chain[0]} redirected more than {options.MaxRedirects} times: {RedirectPolicy.Describe(chain)}.");
        }

        return to;
    }

    private FetchException StatusFailure(FetchRequest request, Uri url, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var retryAfter = status is 429 or 503 ? Capped(RetryAfter(response)) : null;
        var retryNote = retryAfter is { } wait ? $"; the server asks to retry after {Seconds(wait)}" : string.Empty;
        return new FetchException(
            FetchFailure.HttpStatus,
            $"GET {url} returned {Describe(response.StatusCode, response.ReasonPhrase)}{RedirectNote(request, url)}{retryNote}")
        {
            StatusCode = status,
            RetryAfter = retryAfter,
        };
    }

    /// <summary>Retry-After as a delay from now; a date in the past means "now".</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>A server's delay hint, at most <see cref="FetcherOptions.MaxServerDelay"/>.</summary>
    private TimeSpan? Capped(TimeSpan? delay) => delay > options.MaxServerDelay ? options.MaxServerDelay : delay;

    /// <summary>"404 Not Found": the standard phrase, so messages read the same whatever the server says.</summary>
    private static string Describe(HttpStatusCode status, string? serverPhrase)
    {
        var phrase = ReasonPhrases.GetReasonPhrase((int)status);
        return $"{(int)status} {(phrase.Length > 0 ? phrase : serverPhrase ?? "(unknown status)")}";
    }

    private static string Seconds(TimeSpan span) => $"{span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";

    private static string RedirectNote(FetchRequest request, Uri url) =>
        url == request.Url ? string.Empty : $" (redirected from {request.Url})";

    private static string? RawHeader(HttpResponseMessage response, string name) =>
        response.Headers.NonValidated.TryGetValues(name, out var values) ? values.ToString() : null;

    private static string? RawContentHeader(HttpResponseMessage response, string name) =>
        response.Content.Headers.NonValidated.TryGetValues(name, out var values) ? values.ToString() : null;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Fetched {Url}: {Status}, {Bytes} bytes (truncated: {Truncated}) in {Elapsed}")]
    private static partial void LogFetched(ILogger logger, Uri url, int status, int bytes, bool truncated, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Not modified: {Url} in {Elapsed}")]
    private static partial void LogNotModified(ILogger logger, Uri url, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Redirect {From} → {Status} {To}")]
    private static partial void LogRedirect(ILogger logger, Uri from, int status, Uri to);
}
