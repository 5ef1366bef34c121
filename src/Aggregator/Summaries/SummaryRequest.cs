namespace Aggregator.Summaries;

/// <summary>Text to summarise: the extracted main content, never the raw page.</summary>
/// <param name="Title">Used for title-overlap scoring and as context for an LLM.</param>
/// <param name="Text">Plain text of the main content.</param>
/// <param name="LanguageHint">"zh", "en", … from the source configuration; null to detect from the text.</param>
public sealed record SummaryRequest(string Title, string Text, string? LanguageHint = null);
