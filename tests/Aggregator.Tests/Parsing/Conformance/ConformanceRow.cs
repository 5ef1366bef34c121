using System.Text.Json;

namespace Aggregator.Tests.Parsing.Conformance;

/// <summary>One line of expectations.jsonl: a feedparser test feed and what feedparser extracts from it.</summary>
internal sealed record ConformanceRow(
    string File,
    string Folder,
    IReadOnlyList<ConformanceExpectation> Expectations,
    string? ContentType,
    Uri? BaseUri)
{
    public static ConformanceRow FromJson(JsonElement row)
    {
        var file = row.GetProperty("file").GetString()!;
        var expectations = row.GetProperty("expectations").EnumerateArray()
            .Select(e => new ConformanceExpectation(
                e.GetProperty("path").GetString()!,
                e.GetProperty("value").Clone(),
                e.TryGetProperty("utc", out var utc) ? utc.GetString() : null))
            .ToArray();

        string? contentType = null;
        Uri? baseUri = null;
        if (row.TryGetProperty("served_over_http", out var served) && served.ValueKind == JsonValueKind.True)
        {
            var headers = row.GetProperty("http_headers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString(), StringComparer.OrdinalIgnoreCase);
            contentType = headers.GetValueOrDefault("Content-Type");
            var documentUrl = new Uri(row.GetProperty("document_url").GetString()!);
            // Content-Location outranks the request URL as the base for relative links (RFC 2616 §14.14).
            baseUri = headers.GetValueOrDefault("Content-Location") is { } location ? new Uri(documentUrl, location) : documentUrl;
        }

        return new ConformanceRow(file, FolderOf(file), expectations, contentType, baseUri);
    }

    /// <summary>wellformed/rss/x.xml → "wellformed/rss"; entities/x.xml → "entities".</summary>
    private static string FolderOf(string file)
    {
        var parts = file.Split('/');
        return parts[0] is "wellformed" or "illformed" ? $"{parts[0]}/{parts[1]}" : parts[0];
    }
}

internal sealed record ConformanceExpectation(string Path, JsonElement Value, string? Utc);
