using System.Diagnostics;
using System.Net;

namespace Aggregator.Benchmarks.Publishing;

/// <summary>The fallback load generator when wrk is missing: 32 concurrent HttpClient loops for a fixed time.</summary>
internal static class HttpClientLoad
{
    public static async Task<LoadResult> RunAsync(Uri url, string? ifNoneMatch, TimeSpan duration)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 32, UseProxy = false });
        var latencies = new List<double>[32];
        var unexpected = 0;
        var expected = ifNoneMatch is null ? HttpStatusCode.OK : HttpStatusCode.NotModified;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, latencies.Length).Select(async worker =>
        {
            var mine = latencies[worker] = new List<double>(100_000);
            while (stopwatch.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                if (ifNoneMatch is not null)
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
                }

                using var response = await client.SendAsync(request);
                await response.Content.CopyToAsync(Stream.Null);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != expected)
                {
                    Interlocked.Increment(ref unexpected);
                }
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(all.Length / stopwatch.Elapsed.TotalSeconds, all[all.Length / 2], all[(int)(all.Length * 0.99)], $"unexpected-status={unexpected}");
    }
}
