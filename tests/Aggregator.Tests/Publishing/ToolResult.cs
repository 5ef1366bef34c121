namespace Aggregator.Tests.Publishing;

internal sealed record ToolResult(int ExitCode, string StdOut, string StdErr);
