using System.Diagnostics;
using System.Net;

namespace Aggregator.Benchmarks.Publishing;

/// <summary>The fallback load generator when wrk is missing: concurrent HttpClient loops for a fixed time, round robin over the requests.</summary>
internal static class HttpClientLoad
{
    public static async Task<LoadResult> RunAsync(
        Uri baseUrl, IReadOnlyList<(string PathAndQuery, string? Host)> requests, string? ifNoneMatch, TimeSpan duration, int connections)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(2) };
        var latencies = new List<double>[connections];
        var errors = 0;
        var next = 0;
        var expected = ifNoneMatch is null ? HttpStatusCode.OK : HttpStatusCode.NotModified;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, latencies.Length).Select(async worker =>
        {
            var mine = latencies[worker] = new List<double>(100_000);
            while (stopwatch.Elapsed < duration)
            {
                var (pathAndQuery, host) = requests[(Interlocked.Increment(ref next) & int.MaxValue) % requests.Count];
                var started = Stopwatch.GetTimestamp();
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, pathAndQuery));
                if (host is not null)
                {
                    request.Headers.Host = host;
                }

                if (ifNoneMatch is not null)
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
                }

                try
                {
                    using var response = await client.SendAsync(request);
                    await response.Content.CopyToAsync(Stream.Null);
                    if (response.StatusCode != expected)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(all.Length / stopwatch.Elapsed.TotalSeconds, all[all.Length / 2], all[(int)(all.Length * 0.99)], errors, $"errors={errors}");
    }
}
