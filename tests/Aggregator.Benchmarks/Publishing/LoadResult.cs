namespace Aggregator.Benchmarks.Publishing;

/// <summary>One load run: throughput, latency percentiles, and the requests that failed (socket errors or an unexpected status).</summary>
internal sealed record LoadResult(double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds, int Errors, string Notes);
