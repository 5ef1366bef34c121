using System.Globalization;
using System.Text.Json;

namespace Aggregator.AzureStorage.Tables;

/// <summary>
/// Reads entities from the service's minimal-metadata JSON into typed values (the <c>@odata.type</c> annotations
/// say which strings are Int64, DateTime, Guid or Binary), then into a <see cref="TableEntity"/> or a POCO.
/// </summary>
internal static class EntityJsonReader
{
    public static T Materialize<T>(JsonElement element)
        where T : class, ITableEntity, new()
    {
        var values = ReadValues(element);
        if (typeof(T) == typeof(TableEntity))
        {
            return (T)(object)new TableEntity(values);
        }

        var entity = new T();
        PocoEntityShape.For(typeof(T)).Write(entity, values);
        return entity;
    }

    /// <summary>All properties, typed; system ones under their names (ETag as <c>odata.etag</c>); other annotations dropped.</summary>
    public static Dictionary<string, object?> ReadValues(JsonElement element)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.EndsWith("@odata.type", StringComparison.Ordinal))
            {
                types[property.Name[..^"@odata.type".Length]] = property.Value.GetString() ?? string.Empty;
            }
        }

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (name == TableEntity.ETagName)
            {
                values[name] = property.Value.GetString();
            }
            else if (!name.StartsWith("odata.", StringComparison.Ordinal) && !name.Contains('@', StringComparison.Ordinal))
            {
                values[name] = ReadValue(name, property.Value, types.GetValueOrDefault(name));
            }
        }

        return values;
    }

    private static object? ReadValue(string name, JsonElement value, string? edmType) => edmType switch
    {
        null when name == TableEntity.TimestampName && value.ValueKind == JsonValueKind.String => ParseDateTime(value.GetString()!),
        "Edm.Int64" => long.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        "Edm.DateTime" => ParseDateTime(value.GetString()!),
        "Edm.Guid" => Guid.Parse(value.GetString()!),
        "Edm.Binary" => value.GetBytesFromBase64(),
        "Edm.Double" => value.ValueKind == JsonValueKind.String
            ? double.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
            : value.GetDouble(),
        "Edm.Int32" => value.GetInt32(),
        "Edm.Boolean" => value.GetBoolean(),
        "Edm.String" or null => ReadUntyped(name, value),
        _ => throw new NotSupportedException($"Table property '{name}' has the unsupported type {edmType}."),
    };

    private static object? ReadUntyped(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        // A number without annotation is Int32 when it is integral and fits, else Double (as the service infers).
        JsonValueKind.Number => value.TryGetInt32(out var i) ? (object)i : value.GetDouble(),
        _ => throw new NotSupportedException($"Table property '{name}' is a JSON {value.ValueKind}, not a table value."),
    };

    private static DateTimeOffset ParseDateTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
