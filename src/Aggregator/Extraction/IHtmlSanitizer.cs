namespace Aggregator.Extraction;

/// <summary>Makes source HTML safe to serve: keeps text, structure, links and images; drops scripts and trackers.</summary>
public interface IHtmlSanitizer
{
    string Sanitize(string html, Uri? baseUri);
}
