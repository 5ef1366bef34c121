using System.Text.Json;
using Aggregator.Parsing.Text;

namespace Aggregator.Parsing.Formats;

/// <summary>JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), read with System.Text.Json.</summary>
internal static class JsonFeedParser
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    public static void Read(ReadOnlyMemory<byte> utf8, FeedBuilder feed, Uri? baseUri)
    {
        using var document = JsonDocument.Parse(utf8, Options);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FeedParseException("The JSON document is not an object, so not a JSON Feed.");
        }

        var version = String(root, "version");
        feed.Type = version is not null && version.EndsWith("1.1", StringComparison.Ordinal) ? FeedType.JsonFeed_1_1 : FeedType.JsonFeed_1_0;
        if (version is null || !version.Contains("jsonfeed.org", StringComparison.OrdinalIgnoreCase))
        {
            feed.Warnings.Add("The JSON document has no JSON Feed version; read as JSON Feed anyway.");
        }

        feed.Language = String(root, "language");
        feed.Dates.NoteLanguage(feed.Language);
        feed.Title = PlainText.FromHtml(String(root, "title"));
        feed.Dates.NoteText(feed.Title);
        feed.Link = UrlResolver.Resolve(String(root, "home_page_url"), baseUri);
        feed.Description = String(root, "description");
        feed.ImageUrl = UrlResolver.Resolve(String(root, "icon") ?? String(root, "favicon"), baseUri);

        if (root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var element in items.EnumerateArray())
            {
                if (element.ValueKind == JsonValueKind.Object)
                {
                    feed.Add(ReadItem(element, feed.Dates, baseUri));
                }
            }
        }
    }

    private static ItemBuilder ReadItem(JsonElement element, DateReadingContext dates, Uri? baseUri)
    {
        var item = new ItemBuilder
        {
            // JSON Feed ids may be numbers in the wild although the spec says string.
            Id = element.TryGetProperty("id", out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number ? id.ToString() : null,
            Link = UrlResolver.Resolve(String(element, "url") ?? String(element, "external_url"), baseUri),
            Title = PlainText.FromHtml(String(element, "title")),
            Description = String(element, "summary"),
            Content = String(element, "content_html") ?? (String(element, "content_text") is { } text ? HtmlText.FromPlainText(text) : null),
            PublishingDate = dates.Parse(String(element, "date_published")),
            UpdatedDate = dates.Parse(String(element, "date_modified")),
        };

        if (element.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
        {
            foreach (var author in authors.EnumerateArray())
            {
                item.AddAuthor(Author(author));
            }
        }
        else if (element.TryGetProperty("author", out var author))
        {
            item.AddAuthor(Author(author));
        }

        if (element.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array)
        {
            foreach (var tag in tags.EnumerateArray())
            {
                item.AddCategory(tag.ValueKind == JsonValueKind.String ? tag.GetString() : null);
            }
        }

        if (element.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array)
        {
            foreach (var attachment in attachments.EnumerateArray())
            {
                var size = attachment.TryGetProperty("size_in_bytes", out var bytes) && bytes.TryGetInt64(out var n) ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
                RssItemElements.AddEnclosure(item, String(attachment, "url"), String(attachment, "mime_type"), size, baseUri);
            }
        }

        return item;
    }

    private static string? Author(JsonElement author) =>
        author.ValueKind == JsonValueKind.Object ? AuthorNames.Format(String(author, "name"), null) : null;

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
