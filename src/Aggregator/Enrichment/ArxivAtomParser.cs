using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Aggregator.Papers;
using Aggregator.Parsing.Xml;

namespace Aggregator.Enrichment;

/// <summary>
/// Reads the arXiv API's Atom: entries with versioned ids ("http://arxiv.org/abs/2305.18290v3"), titles wrapped over
/// lines, <c>arxiv:primary_category</c>, the pdf link, and <c>opensearch:totalResults</c>. arXiv reports a bad query as
/// an entry titled "Error" whose id is under /api/errors; those become <see cref="ArxivFeed.Errors"/>. Opened with the
/// project's safe reader settings: DTDs ignored, nothing resolved.
/// </summary>
internal static partial class ArxivAtomParser
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace OpenSearch = "http://a9.com/-/spec/opensearch/1.1/";
    private static readonly XNamespace Arxiv = "http://arxiv.org/schemas/atom";

    /// <exception cref="MetadataLookupException">Not an arXiv Atom feed.</exception>
    public static ArxivFeed Parse(string xml)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), SafeXmlReaderSettings.Shared);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new MetadataLookupException($"arXiv answered something that is not XML: {ex.Message}", MetadataFailure.Malformed, innerException: ex);
        }

        var feed = document.Root;
        if (feed is null || feed.Name != Atom + "feed")
        {
            throw new MetadataLookupException($"arXiv answered XML that is not an Atom feed (root <{feed?.Name.LocalName}>)", MetadataFailure.Malformed);
        }

        var total = int.TryParse(feed.Element(OpenSearch + "totalResults")?.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        var entries = new List<ArxivEntry>();
        var errors = new List<string>();
        foreach (var entry in feed.Elements(Atom + "entry"))
        {
            var id = entry.Element(Atom + "id")?.Value.Trim() ?? "";
            if (id.Contains("/api/errors", StringComparison.Ordinal))
            {
                errors.Add(Collapse(entry.Element(Atom + "summary")?.Value) ?? id);
                continue;
            }

            if (ReadEntry(entry, id) is { } read)
            {
                entries.Add(read);
            }
        }

        return new ArxivFeed(total, entries, errors);
    }

    private static ArxivEntry? ReadEntry(XElement entry, string id)
    {
        var parsed = Uri.TryCreate(id, UriKind.Absolute, out var uri) ? ArxivIds.FromUrl(uri) : ArxivIds.Parse(id);
        var title = Collapse(entry.Element(Atom + "title")?.Value);
        if (parsed is null || title is null)
        {
            // An id_list miss comes back as an entry with no title; it is simply not an answer.
            return null;
        }

        var authors = entry.Elements(Atom + "author")
            .Select(a => Collapse(a.Element(Atom + "name")?.Value))
            .OfType<string>()
            .ToList();
        var pdf = entry.Elements(Atom + "link")
            .FirstOrDefault(l => (string?)l.Attribute("title") == "pdf" || (string?)l.Attribute("type") == "application/pdf");
        return new ArxivEntry(
            parsed.Value.Id,
            parsed.Value.Version,
            title,
            authors,
            Collapse(entry.Element(Atom + "summary")?.Value),
            (string?)entry.Element(Arxiv + "primary_category")?.Attribute("term"),
            DateOf(entry.Element(Atom + "published")?.Value),
            pdf is null ? null : $"https://arxiv.org/pdf/{parsed.Value.Id}",
            Collapse(entry.Element(Arxiv + "journal_ref")?.Value),
            Collapse(entry.Element(Arxiv + "doi")?.Value)?.ToLowerInvariant());
    }

    private static DateTimeOffset? DateOf(string? text) =>
        DateTimeOffset.TryParse(text?.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date) ? date : null;

    /// <summary>arXiv wraps titles and abstracts over lines with indentation: one line, single spaces.</summary>
    private static string? Collapse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Whitespace().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
