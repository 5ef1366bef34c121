using Aggregator.Hosting;

namespace Aggregator.Cli.Terminal;

/// <summary>
/// <c>sources --json</c>: the same document as GET /api/health, so a script reads either the same way. Fields are added,
/// never renamed or removed.
/// <code>
/// { "sources": [ { "id", "name", "url", "type", "enabled", "status": "ok|ok with warnings|failing|never fetched|disabled",
///                  "lastAttempt", "lastSuccess", "lastError", "failureCount", "nextAttempt", "lastNewItems", "totalItems",
///                  "warnings": [string] } ] }
/// </code>
/// Times are ISO 8601 or null.
/// </summary>
internal sealed record SourcesJson(IReadOnlyList<SourceHealth> Sources);
