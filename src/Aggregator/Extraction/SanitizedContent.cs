namespace Aggregator.Extraction;

/// <summary>What the sanitiser makes of some markup: safe HTML, its plain text, and the links it kept.</summary>
internal sealed record SanitizedContent(string Html, string Text, IReadOnlyList<string> Links);
