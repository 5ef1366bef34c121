using System.Text.Json;
using System.Text.Json.Serialization;

namespace Aggregator.Ingestion;

/// <summary>
/// One source to ingest, as one queue message carries it: which source, which run asked for it (so its log lines and
/// its report belong together), and the delivery attempt the queue counts.
/// </summary>
public sealed record SourceWork(
    [property: JsonPropertyName("sourceId")] string SourceId,
    [property: JsonPropertyName("runId")] string RunId,
    [property: JsonPropertyName("ignoreBackoff")] bool IgnoreBackoff = false)
{
    /// <summary>The delivery count the queue reports (1 on the first delivery); not part of the message body.</summary>
    [JsonIgnore]
    public long Attempt { get; init; } = 1;

    public string ToJson() => JsonSerializer.Serialize(this);

    /// <exception cref="FormatException">The message is not a source work item.</exception>
    public static SourceWork FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<SourceWork>(json) is { SourceId.Length: > 0, RunId: not null } work
                ? work
                : throw new FormatException("The message names no source.");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The message is not JSON of a source work item: {ex.Message}", ex);
        }
    }
}
