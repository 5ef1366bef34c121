using System.Net.Sockets;

namespace Aggregator.Enrichment;

/// <summary>
/// GETs for the metadata clients: through the service's <see cref="RateGate"/>, with the descriptive User-Agent, a
/// per-request timeout, Retry-After honoured (429/503), and exponential backoff after 5xx and timeouts. A request that
/// still fails throws <see cref="MetadataLookupException"/>; the caller records it on the papers and goes on.
/// </summary>
internal sealed class MetadataHttp(HttpClient client, EnrichmentOptions options, TimeProvider clock)
{
    private int requests;

    /// <summary>Requests sent so far (retries included): what the services saw from us.</summary>
    public int Requests => Volatile.Read(ref requests);

    public async Task<string> GetStringAsync(Uri uri, RateGate gate, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        MetadataLookupException? last = null;
        for (var attempt = 0; ; attempt++)
        {
            if (!await gate.WaitAsync(deadline, cancellationToken).ConfigureAwait(false))
            {
                // A retry the budget cannot wait for: the papers keep the service's own error (and its Retry-After).
                throw last ?? new MetadataLookupException($"{uri.Host}: the run's time budget ends before the next request may be sent", MetadataFailure.OutOfTime);
            }

            Interlocked.Increment(ref requests);
            var failure = await TryOnceAsync(uri, cancellationToken).ConfigureAwait(false);
            if (failure.Body is { } body)
            {
                return body;
            }

            var error = last = failure.Error!;
            if (error.RetryAfter is { } retryAfter)
            {
                gate.Defer(retryAfter);
            }

            if (!failure.Transient || attempt >= options.RequestRetries)
            {
                throw error;
            }

            if (error.RetryAfter is null)
            {
                gate.Defer(options.RetryDelay * Math.Pow(2, attempt));
            }
        }
    }

    private async Task<(string? Body, MetadataLookupException? Error, bool Transient)> TryOnceAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.TryAddWithoutValidation("User-Agent", options.EffectiveUserAgent);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                if (response.Content.Headers.ContentLength > options.MaxResponseBytes)
                {
                    return (null, new MetadataLookupException($"{uri.Host}: answer of {response.Content.Headers.ContentLength} bytes is over the limit", MetadataFailure.Malformed), false);
                }

                return (await ReadCappedAsync(response.Content, timeout.Token).ConfigureAwait(false), null, false);
            }

            var retryAfter = RetryAfterOf(response);
            var transient = status is 429 or 408 || status >= 500;
            return (null, new MetadataLookupException($"{uri.Host} answered HTTP {status} {response.ReasonPhrase}", MetadataFailure.Service, retryAfter), transient);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, new MetadataLookupException($"{uri.Host} did not answer within {options.RequestTimeout}", MetadataFailure.Service), true);
        }
        catch (HttpRequestException ex) when (ex.InnerException is SocketException || ex.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError)
        {
            return (null, new MetadataLookupException($"{uri.Host} is unreachable: {ex.Message}", MetadataFailure.Unreachable, innerException: ex), false);
        }
        catch (HttpRequestException ex)
        {
            return (null, new MetadataLookupException($"{uri.Host}: {ex.Message}", MetadataFailure.Service, innerException: ex), true);
        }
        catch (InvalidDataException ex)
        {
            return (null, new MetadataLookupException($"{uri.Host}: {ex.Message}", MetadataFailure.Malformed, innerException: ex), false);
        }
    }

    private async Task<string> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > options.MaxResponseBytes)
                {
                    throw new InvalidDataException($"answer is over {options.MaxResponseBytes} bytes");
                }

                buffer.Write(chunk, 0, read);
            }

            return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
    }

    /// <summary>Retry-After as seconds or as an HTTP date; null when absent or already past.</summary>
    private TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta > TimeSpan.Zero ? delta : null;
        }

        if (header?.Date is { } date)
        {
            var wait = date - clock.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : null;
        }

        return null;
    }
}
