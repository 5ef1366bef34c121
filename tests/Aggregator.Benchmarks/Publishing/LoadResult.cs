namespace Aggregator.Benchmarks.Publishing;

/// <summary>One load run: throughput and latency percentiles, and how many responses had the expected status.</summary>
internal sealed record LoadResult(double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds, string Notes);
