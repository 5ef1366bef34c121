using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Aggregator.Cli.Terminal;

namespace Aggregator.Cli.Tests;

/// <summary>What a CLI run printed and how it ended.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    /// <summary>stdout's lines, without the empty one after the last newline.</summary>
    public IReadOnlyList<string> OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

    /// <summary>A .NET stack frame ("   at Namespace.Type.Method(") anywhere in the output.</summary>
    public bool HasStackTrace => (Out + Error).Contains("   at ", StringComparison.Ordinal);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>The CLI run in-process (the whole command line: parsing, the command, failure reporting) or as a real process.</summary>
internal static class CliRun
{
    /// <param name="terminal">What stdout is; redirected by default, as in a log file or CI.</param>
    public static async Task<CliResult> InProcessAsync(TerminalProfile? terminal, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApplication.RunAsync(args, new CliConsole(output, error, terminal ?? TerminalProfile.Redirected));
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    public static Task<CliResult> InProcessAsync(params string[] args) => InProcessAsync(terminal: null, args);

    /// <summary><c>dotnet Aggregator.Cli.dll ARGS</c> with stdout and stderr redirected, as a scheduler or `| less` runs it.</summary>
    public static async Task<CliResult> ProcessAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Aggregator.Cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }

    /// <summary>A loopback port nothing listens on (it was free a moment ago).</summary>
    public static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Azurite's development account at <paramref name="tableEndpoint"/>, with another key when <paramref name="key"/> is given.</summary>
    public static string ConnectionString(string tableEndpoint, string key = Aggregator.Azurite.AzuriteProcess.DevelopmentAccountKey) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={key};TableEndpoint={tableEndpoint};";
}
