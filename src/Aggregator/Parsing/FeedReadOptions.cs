namespace Aggregator.Parsing;

/// <summary>What the parser knows about a document besides its bytes.</summary>
public sealed record FeedReadOptions
{
    /// <summary>The document's URL: base for relative links when the document sets no xml:base.</summary>
    public Uri? BaseUri { get; init; }

    /// <summary>The HTTP Content-Type header; its charset outranks the XML declaration.</summary>
    public string? ContentType { get; init; }

    /// <summary>An encoding forced by configuration; outranks everything.</summary>
    public string? ForcedEncoding { get; init; }

    /// <summary>Items beyond this count are dropped with a warning, so a runaway feed cannot exhaust memory.</summary>
    public int MaxItems { get; init; } = 10_000;
}
