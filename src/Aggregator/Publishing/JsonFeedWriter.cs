using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Aggregator.Publishing;

/// <summary>JSON Feed 1.1 (https://jsonfeed.org/version/1.1).</summary>
internal static class JsonFeedWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        // The payload is served as UTF-8 JSON, never embedded in HTML, so Chinese and emoji need no \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static void Write(FeedDocument feed, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output, Options);
        writer.WriteStartObject();
        writer.WriteString("version", "https://jsonfeed.org/version/1.1");
        Text(writer, "title", feed.Title);
        Text(writer, "description", feed.Description);
        Text(writer, "home_page_url", feed.HomeUrl);
        Text(writer, "feed_url", feed.SelfUrl);
        writer.WriteStartArray("authors");
        writer.WriteStartObject();
        writer.WriteString("name", "Aggregator");
        writer.WriteEndObject();
        writer.WriteEndArray();

        writer.WriteStartArray("items");
        foreach (var entry in feed.Entries)
        {
            WriteItem(writer, entry);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteItem(Utf8JsonWriter writer, FeedEntry entry)
    {
        writer.WriteStartObject();
        Text(writer, "id", entry.Id);
        Text(writer, "url", entry.Link);
        Text(writer, "title", entry.Title);
        Text(writer, "content_html", entry.ContentHtml);
        if (entry.SummaryText.Length > 0)
        {
            Text(writer, "summary", entry.SummaryText);
        }

        writer.WriteString("date_published", FeedXml.Rfc3339(entry.Published));
        writer.WriteString("date_modified", FeedXml.Rfc3339(entry.Updated > entry.Published ? entry.Updated : entry.Published));
        if (entry.Authors.Count > 0)
        {
            writer.WriteStartArray("authors");
            foreach (var author in entry.Authors)
            {
                writer.WriteStartObject();
                Text(writer, "name", author);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (entry.Categories.Count > 0)
        {
            writer.WriteStartArray("tags");
            foreach (var category in entry.Categories)
            {
                writer.WriteStringValue(XmlCharacters.Clean(category.Display));
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter writer, string name, string? value) =>
        writer.WriteString(name, XmlCharacters.Clean(value));
}
