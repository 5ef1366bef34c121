using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace Aggregator.Tests.Publishing;

/// <summary>
/// Runs real programs (feed readers, a browser, xmllint) against our output. On a developer machine without the tool the
/// test says it skipped; in CI (the CI variable is set) a missing tool is a failure, so the check never silently vanishes.
/// </summary>
internal static class ExternalTool
{
    public static bool InCi => Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci
        && !ci.Equals("false", StringComparison.OrdinalIgnoreCase) && ci != "0";

    /// <summary>The tool's path, or null after reporting the skip (outside CI) — in CI a missing tool fails the test.</summary>
    public static string? Require(string name, string debianPackage, ITestOutputHelper output)
    {
        var path = Find(name);
        if (path is not null)
        {
            return path;
        }

        var message = $"{name} is not installed (Debian package {debianPackage}).";
        Assert.False(InCi, message + " CI is set, so this check must run: add the package to CI's apt list.");
        output.WriteLine("SKIPPED: " + message + " Install it to run this check.");
        return null;
    }

    /// <summary>A python3 that can import feedparser (the Debian one may not be first on PATH), or null after reporting.</summary>
    public static async Task<string?> RequirePythonWithFeedparserAsync(ITestOutputHelper output)
    {
        foreach (var candidate in new[] { Find("python3"), "/usr/bin/python3" }.Distinct())
        {
            if (candidate is not null && File.Exists(candidate)
                && (await RunAsync(candidate, ["-c", "import feedparser"], TimeSpan.FromSeconds(30))).ExitCode == 0)
            {
                return candidate;
            }
        }

        const string message = "no python3 with feedparser found (Debian package python3-feedparser).";
        Assert.False(InCi, message + " CI is set, so this check must run: add the package to CI's apt list.");
        output.WriteLine("SKIPPED: " + message);
        return null;
    }

    public static string? Find(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static async Task<ToolResult> RunAsync(string file, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Loopback traffic must never go through a proxy configured for the machine.
        start.Environment["no_proxy"] = "127.0.0.1,localhost";
        start.Environment["NO_PROXY"] = "127.0.0.1,localhost";
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {timeout}; stderr: {await stderr}");
        }

        return new ToolResult(process.ExitCode, await stdout, await stderr);
    }
}
