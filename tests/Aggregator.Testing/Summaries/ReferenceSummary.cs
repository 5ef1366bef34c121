namespace Aggregator.Testing.Summaries;

/// <summary>A text to summarise and the summary a person wrote for it.</summary>
public sealed record ReferenceSummary(string Name, string Title, string Text, string Reference);
