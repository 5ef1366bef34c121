using Aggregator.Summaries;

namespace Aggregator.Ingestion;

/// <summary>What every source and item of one run shares: its start time, its summariser (with the run's LLM budget).</summary>
public sealed record IngestionRun(DateTimeOffset Started, ISummarizer Summarizer, bool IgnoreBackoff);
