using System.Globalization;
using System.Text.Json;

namespace Aggregator.Parsing;

/// <summary>
/// Writes a parsed feed as JSON for the CLI's <c>parse</c> command: format, encoding and warnings first (what an
/// operator debugging a source needs), then the feed's fields and every item. Dates are ISO 8601 with their offset.
/// </summary>
public static class ParseReport
{
    public static void WriteJson(Utf8JsonWriter writer, Feed feed, ParseReportContext context)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(context);

        writer.WriteStartObject();
        if (context.Source is not null)
        {
            writer.WriteString("source", context.Source);
        }

        writer.WriteString("format", feed.Type.ToString());
        writer.WriteString("encoding", feed.Encoding);
        WriteStrings(writer, "warnings", feed.Warnings);
        writer.WriteStartObject("feed");
        writer.WriteString("title", feed.Title);
        writer.WriteString("link", feed.Link);
        writer.WriteString("description", feed.Description);
        writer.WriteString("language", feed.Language);
        writer.WriteString("image", feed.ImageUrl);
        WriteDate(writer, "updated", feed.LastUpdatedDate);
        if (feed.TimeToLive is { } ttl)
        {
            writer.WriteNumber("ttlMinutes", ttl);
        }
        else
        {
            writer.WriteNull("ttlMinutes");
        }

        WriteStrings(writer, "skipDays", feed.SkipDays.Select(d => d.ToString()).ToArray());
        writer.WriteEndObject();

        writer.WriteNumber("itemCount", feed.Items.Count);
        writer.WriteStartArray("items");
        foreach (var item in feed.Items)
        {
            WriteItem(writer, item, context);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteItem(Utf8JsonWriter writer, FeedItem item, ParseReportContext context)
    {
        writer.WriteStartObject();
        writer.WriteString("id", item.Id);
        writer.WriteString("link", item.Link);
        if (context.CanonicalizeLink is { } canonicalize)
        {
            writer.WriteString("canonicalLink", item.Link is null ? null : canonicalize(item.Link));
        }

        writer.WriteString("title", item.Title);
        WriteStrings(writer, "authors", item.Authors);
        WriteDate(writer, "published", item.PublishingDate);
        WriteDate(writer, "updated", item.UpdatedDate);
        writer.WriteString("summary", item.Description);
        writer.WriteString("content", item.Content);
        WriteStrings(writer, "categories", item.Categories);
        writer.WriteStartArray("enclosures");
        foreach (var enclosure in item.Enclosures)
        {
            writer.WriteStartObject();
            writer.WriteString("url", enclosure.Url);
            writer.WriteString("type", enclosure.MediaType);
            if (enclosure.Length is { } length)
            {
                writer.WriteNumber("length", length);
            }
            else
            {
                writer.WriteNull("length");
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter writer, string name, DateTimeOffset? date) =>
        writer.WriteString(name, date?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
