namespace Aggregator.Papers;

/// <summary>What paper identification reads of a post: its title, its clean HTML and text, and where it came from.</summary>
public sealed record PostDocument(string Title, string Html, string Text, Uri? BaseUri);
