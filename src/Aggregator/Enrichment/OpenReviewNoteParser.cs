using System.Text.Json;

namespace Aggregator.Enrichment;

/// <summary>
/// Reads an OpenReview API v2 notes answer (<c>{"notes":[{"id":…,"content":{"title":{"value":…},…}}]}</c>): the
/// submission note itself, not the reviews and comments a forum query also returns.
/// </summary>
internal static class OpenReviewNoteParser
{
    /// <summary>The note <paramref name="id"/>, or null when the answer holds no such note.</summary>
    /// <exception cref="MetadataLookupException">Not a notes answer, or the note has no title.</exception>
    public static OpenReviewNote? Parse(string json, string id, Uri site)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("notes", out var notes) || notes.ValueKind != JsonValueKind.Array)
            {
                throw new MetadataLookupException("OpenReview answered JSON without a notes list", MetadataFailure.Malformed);
            }

            foreach (var note in notes.EnumerateArray())
            {
                if (note.ValueKind == JsonValueKind.Object && Text(note, "id") == id)
                {
                    return Read(note, id, site);
                }
            }

            return null;
        }
        catch (JsonException ex)
        {
            throw new MetadataLookupException($"OpenReview answered something that is not JSON: {ex.Message}", MetadataFailure.Malformed, innerException: ex);
        }
    }

    private static OpenReviewNote Read(JsonElement note, string id, Uri site)
    {
        if (!note.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Object)
        {
            throw new MetadataLookupException($"OpenReview note {id} has no content", MetadataFailure.Malformed);
        }

        var title = Value(content, "title");
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new MetadataLookupException($"OpenReview note {id} has no content.title.value", MetadataFailure.Malformed);
        }

        var authors = content.TryGetProperty("authors", out var a) && a.TryGetProperty("value", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!.Trim()).Where(x => x.Length > 0).ToList()
            : [];
        var pdf = Value(content, "pdf");
        var published = Millis(note, "pdate") ?? Millis(note, "cdate");
        return new OpenReviewNote(
            id,
            string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
            authors,
            Value(content, "abstract")?.Trim(),
            Value(content, "venue")?.Trim(),
            pdf is null ? null : Uri.TryCreate(site, pdf, out var absolute) && absolute.Scheme is "https" or "http" ? absolute.AbsoluteUri : null,
            published);
    }

    /// <summary>API v2 wraps every content field: <c>"title": {"value": "…"}</c>.</summary>
    private static string? Value(JsonElement content, string field) =>
        content.TryGetProperty(field, out var wrapper) && wrapper.ValueKind == JsonValueKind.Object
        && wrapper.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string? Text(JsonElement note, string field) =>
        note.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Millis(JsonElement note, string field) =>
        note.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var ms) && ms > 0
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
}
