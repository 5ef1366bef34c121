using Aggregator.Sources;

namespace Aggregator.Extraction;

/// <summary>Keeps an article's body and drops navigation, headline lists and "related articles".</summary>
public interface IContentExtractor
{
    /// <param name="html">A whole page or an item's content.</param>
    /// <param name="baseUri">Base for relative links and images.</param>
    /// <param name="selectors">Per-source overrides (<see cref="PageSelectors.Content"/>, <see cref="PageSelectors.Remove"/>).</param>
    ExtractedArticle Extract(string html, Uri? baseUri, PageSelectors? selectors = null);
}
