using System.Text.Encodings.Web;
using System.Text.Json;

namespace Aggregator.Storage.Tables;

/// <summary>Lists and small records stored as one JSON string property (tables have no list type).</summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // Raw UTF-8 for Chinese text: \uXXXX escapes would triple its size against the 64 KiB property limit.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string? json, T fallback)
    {
        if (string.IsNullOrEmpty(json))
        {
            return fallback;
        }

        return JsonSerializer.Deserialize<T>(json, Options) ?? fallback;
    }
}
