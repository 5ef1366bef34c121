using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Aggregator.Testing.Logging;

/// <summary>
/// A logger provider that keeps every message as it would be written (formatted, with any exception's text), for tests
/// that assert what must never reach a log: secrets, keys.
/// </summary>
public sealed class LogRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    /// <summary>Each entry as "Category Level: message", followed by the exception's full text when there is one.</summary>
    public IReadOnlyList<string> Lines => [.. lines];

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class Recorder(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : string.Empty;
            lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} [{structured}]{(exception is null ? "" : "\n" + exception)}");
        }
    }
}
