namespace Aggregator.Summaries;

/// <summary>A summary and who wrote it, so the feed can say so.</summary>
/// <param name="Text">Plain text, length-capped, whole sentences.</param>
/// <param name="Summarizer">"extractive", "source" (the post's own abstract or summary) or "llm:MODEL".</param>
/// <param name="Language">The language of the summary ("zh", "en").</param>
public sealed record Summary(string Text, string Summarizer, string Language)
{
    /// <summary>True when an LLM was configured but this summary fell back, so a later run should try again.</summary>
    public bool RetryLater { get; init; }
}
