namespace Aggregator.Testing.Extraction;

/// <summary>A page (or an item's content) with its labels, for extraction accuracy tests and the extract benchmark.</summary>
public sealed record LabelledPage(string Name, string Html, Uri BaseUri, ExtractionLabels Labels);
