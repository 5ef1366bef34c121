using Aggregator.Extraction;

namespace Aggregator.Publishing;

/// <summary>
/// The last gate before any output: every entry's HTML goes through the sanitiser again and every link must be http(s),
/// whatever the store holds (rows written by an older release, or by a bug upstream). Ingestion sanitises too; this
/// makes RSS, Atom, JSON Feed and the browser page safe without trusting that it always did.
/// </summary>
internal sealed class FeedDocumentSanitizer(IHtmlSanitizer sanitizer)
{
    public FeedDocument Sanitize(FeedDocument document, Func<int, string?> languageOf)
    {
        var entries = new List<FeedEntry>(document.Entries.Count);
        for (var i = 0; i < document.Entries.Count; i++)
        {
            var entry = document.Entries[i];
            var baseUri = Uri.TryCreate(entry.Link, UriKind.Absolute, out var link) ? link : null;
            var summary = Clean(entry.SummaryHtml, baseUri);
            // Content is usually summary + article + extras: sanitising the article is what costs, so skip a copy.
            var content = entry.ContentHtml == entry.SummaryHtml ? summary : Clean(entry.ContentHtml, baseUri);
            entries.Add(entry with
            {
                Link = HtmlText.SafeHref(entry.Link) ?? document.HomeUrl,
                SummaryHtml = summary,
                ContentHtml = content,
                Language = languageOf(i) ?? TextLanguage.Guess(entry.Title + " " + entry.SummaryText),
            });
        }

        return document with { Entries = entries };
    }

    private string Clean(string html, Uri? baseUri) => html.Length == 0 ? html : sanitizer.Sanitize(html, baseUri);
}
