using Microsoft.Extensions.Logging;

namespace Aggregator.Functions.Tests.Harness;

/// <summary>One log entry as <see cref="RecordingLoggerProvider"/> kept it.</summary>
public sealed record RecordedLog(
    string Category,
    LogLevel Level,
    string Message,
    Exception? Exception,
    IReadOnlyDictionary<string, object?> Properties)
{
    /// <summary>A structured property of the message template ("{NewPosts}" → "NewPosts"), or null.</summary>
    public object? this[string name] => Properties.GetValueOrDefault(name);

    /// <summary>The message template as written in the code, e.g. "Ingest finished: {NewPosts} new posts …".</summary>
    public string? Template => this["{OriginalFormat}"] as string;
}
