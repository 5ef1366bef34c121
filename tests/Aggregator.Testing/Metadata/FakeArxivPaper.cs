namespace Aggregator.Testing.Metadata;

/// <summary>A paper the fake arXiv knows, as its API would describe it.</summary>
public sealed record FakeArxivPaper(
    string Id,
    string Title,
    IReadOnlyList<string> Authors,
    string Abstract = "We study a problem and propose a method. Experiments show it works.",
    string PrimaryCategory = "cs.CL",
    int Version = 1,
    DateTimeOffset? Published = null);
