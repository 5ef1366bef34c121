using System.Text.RegularExpressions;

namespace Aggregator.Infra.Tests.Bicep;

/// <summary>One run of the Bicep CLI: what it printed, and the diagnostics among it.</summary>
internal sealed partial record BicepRun(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>
    /// Every diagnostic line, whichever stream it went to (build writes them to stderr, lint to stdout), in the CLI's
    /// format <c>path(line,col) : Level CODE: message</c>.
    /// </summary>
    public IReadOnlyList<string> Diagnostics =>
        (StandardOutput + "\n" + StandardError)
            .Split('\n')
            .Select(line => line.Trim())
            .Where(line => DiagnosticLine().IsMatch(line))
            .ToList();

    [GeneratedRegex(@"^.+\(\d+,\d+\) : (Error|Warning|Info) [\w-]+: ")]
    private static partial Regex DiagnosticLine();
}
