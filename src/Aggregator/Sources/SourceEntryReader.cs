using System.Text.Json;

namespace Aggregator.Sources;

/// <summary>Reads one entry of a sources file, failing with a message that names the entry and the field.</summary>
internal sealed class SourceEntryReader(JsonElement entry, string where, Uri baseUri)
{
    private string? identified;

    private string Label => identified ?? where;

    public SourceDefinition Read()
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw Fail("entry", "must be an object");
        }

        var id = RequiredString("id");
        identified = $"{where} (id '{id}')";
        if (!SourceCatalog.IdPattern().IsMatch(id))
        {
            throw Fail("id", "may hold only letters, digits, '-' and '_' (at most 64), starting with a letter or digit");
        }

        var typeText = OptionalString("type") ?? "feed";
        var type = typeText.ToLowerInvariant() switch
        {
            "feed" => SourceType.Feed,
            "page" => SourceType.Page,
            _ => throw Fail("type", $"must be \"feed\" or \"page\", not \"{typeText}\""),
        };

        return new SourceDefinition
        {
            Id = id,
            Name = OptionalString("name") ?? id,
            Url = ResolveUrl(RequiredString("url")),
            Type = type,
            FullText = OptionalBool("fullText") ?? false,
            Enabled = OptionalBool("enabled") ?? true,
            AllowPrivateNetwork = OptionalBool("allowPrivateNetwork") ?? false,
            Encoding = OptionalString("encoding"),
            Language = OptionalString("language"),
            Selectors = ReadSelectors(),
        };
    }

    private Uri ResolveUrl(string value)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var absolute) && absolute.Scheme.Length > 1)
        {
            return absolute.Scheme is "http" or "https" or "file"
                ? absolute
                : throw Fail("url", $"must be http(s), file or a relative path; \"{absolute.Scheme}\" is not supported");
        }

        if (Uri.TryCreate(baseUri, value, out var relative))
        {
            return relative;
        }

        throw Fail("url", $"\"{value}\" is neither an absolute URL nor a relative path");
    }

    private PageSelectors? ReadSelectors()
    {
        if (!entry.TryGetProperty("selectors", out var selectors) || selectors.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (selectors.ValueKind != JsonValueKind.Object)
        {
            throw Fail("selectors", "must be an object with item, link, title, date, content or remove");
        }

        string? Selector(string name) => selectors.TryGetProperty(name, out var v)
            ? v.ValueKind == JsonValueKind.String ? v.GetString() : throw Fail($"selectors.{name}", "must be a CSS selector string")
            : null;

        var remove = new List<string>();
        if (selectors.TryGetProperty("remove", out var removeElement))
        {
            if (removeElement.ValueKind != JsonValueKind.Array
                || removeElement.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            {
                throw Fail("selectors.remove", "must be an array of CSS selector strings");
            }

            remove.AddRange(removeElement.EnumerateArray().Select(e => e.GetString()!));
        }

        return new PageSelectors
        {
            Item = Selector("item"),
            Link = Selector("link"),
            Title = Selector("title"),
            Date = Selector("date"),
            Content = Selector("content"),
            Remove = remove,
        };
    }

    private string RequiredString(string name) =>
        OptionalString(name) is { Length: > 0 } value ? value : throw Fail(name, "is required");

    private string? OptionalString(string name)
    {
        if (!entry.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!.Trim()
            : throw Fail(name, "must be a string");
    }

    private bool? OptionalBool(string name)
    {
        if (!entry.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Fail(name, "must be true or false"),
        };
    }

    private SourceCatalogException Fail(string field, string problem) => new($"{Label}: field '{field}' {problem}.");
}
