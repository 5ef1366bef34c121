using Microsoft.Extensions.Logging;

namespace Aggregator.Summaries;

/// <summary>
/// Gives each ingest run its summariser: the LLM one with a fresh call budget when an endpoint and model are configured,
/// otherwise the offline extractive one.
/// </summary>
public sealed class SummarizerFactory(
    LlmOptions llm,
    ISummaryCache cache,
    ExtractiveSummarizer extractive,
    SummaryOptions summaryOptions,
    ILoggerFactory loggers)
{
    public bool UsesLlm => llm.IsConfigured;

    public ISummarizer CreateForRun() => llm.IsConfigured
        ? new LlmSummarizer(llm, cache, new LlmCallBudget(llm.CallsPerRun), extractive, summaryOptions, loggers.CreateLogger<LlmSummarizer>())
        : extractive;
}
