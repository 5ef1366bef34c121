using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Aggregator.Benchmarks.Publishing;

/// <summary>
/// Load with wrk (-t2, the given connections, --latency, 2 s timeout): one URL with an optional If-None-Match, or a
/// rotation over many request lines (path and Host) from a Lua script. Socket errors and non-2xx/3xx both count as errors.
/// </summary>
internal static partial class WrkLoad
{
    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "wrk"))
            .FirstOrDefault(File.Exists);

    public static Task<LoadResult> RunAsync(string wrk, Uri url, string? ifNoneMatch, TimeSpan duration, int connections)
    {
        var header = ifNoneMatch is null ? "" : $"wrk.headers[\"If-None-Match\"] = '{ifNoneMatch}'\n";
        return RunScriptAsync(wrk, url, header, duration, connections);
    }

    /// <summary>Each request takes the next (path and query, Host) pair, round robin.</summary>
    public static Task<LoadResult> RunRotationAsync(string wrk, Uri baseUrl, IReadOnlyList<(string PathAndQuery, string Host)> requests, TimeSpan duration, int connections)
    {
        var script = new StringBuilder("local requests = {\n");
        foreach (var (pathAndQuery, host) in requests)
        {
            script.Append(CultureInfo.InvariantCulture, $"  {{ \"{pathAndQuery}\", \"{host}\" }},\n");
        }

        script.Append("""
            }
            local i = math.random(#requests)
            request = function()
              i = (i % #requests) + 1
              return wrk.format("GET", requests[i][1], { ["Host"] = requests[i][2] })
            end

            """);
        return RunScriptAsync(wrk, baseUrl, script.ToString(), duration, connections);
    }

    private static async Task<LoadResult> RunScriptAsync(string wrk, Uri url, string script, TimeSpan duration, int connections)
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, script + """
                done = function(summary, latency, requests)
                  io.write(string.format("errors: status=%d connect=%d read=%d write=%d timeout=%d\n",
                    summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
                end
                """);
            var start = new ProcessStartInfo(wrk) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "-t2", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--timeout", "2s", "--latency", "-s", path, url.AbsoluteUri })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var errors = Errors().Match(output);
            var total = errors.Success ? errors.Groups.Values.Skip(1).Sum(g => int.Parse(g.Value, CultureInfo.InvariantCulture)) : -1;
            var rps = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
            return new LoadResult(rps, Percentile(output, "50"), Percentile(output, "99"), total, errors.Value);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static double Percentile(string output, string percent)
    {
        var match = Regex.Match(output, $@"^\s+{percent}(?:\.000)?%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "us" => value / 1000,
            "s" => value * 1000,
            _ => value,
        };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"errors: status=(\d+) connect=(\d+) read=(\d+) write=(\d+) timeout=(\d+)")]
    private static partial Regex Errors();
}
