namespace Aggregator.Extraction;

/// <summary>The main content of a page or item: sanitised HTML for serving, plain text for papers and summaries.</summary>
public sealed class ExtractedArticle
{
    /// <summary>Sanitised HTML of the article body (safe to serve).</summary>
    public required string Html { get; init; }

    /// <summary>The body's text, block elements separated by newlines.</summary>
    public required string Text { get; init; }

    /// <summary>The page's own title (og:title, h1 or &lt;title&gt;), when it has one.</summary>
    public string? Title { get; init; }

    /// <summary>Absolute, unwrapped URLs of the links in the body, in document order.</summary>
    public IReadOnlyList<string> Links { get; init; } = [];
}
