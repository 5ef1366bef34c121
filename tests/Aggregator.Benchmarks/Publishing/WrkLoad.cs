using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Aggregator.Benchmarks.Publishing;

/// <summary>Load with wrk (-t2 -c32 --latency), an optional If-None-Match header set from a Lua script.</summary>
internal static partial class WrkLoad
{
    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "wrk"))
            .FirstOrDefault(File.Exists);

    public static async Task<LoadResult> RunAsync(string wrk, Uri url, string? ifNoneMatch, TimeSpan duration)
    {
        var script = Path.GetTempFileName();
        try
        {
            var header = ifNoneMatch is null ? "" : $"wrk.headers[\"If-None-Match\"] = '{ifNoneMatch}'\n";
            await File.WriteAllTextAsync(script, header + """
                done = function(summary, latency, requests)
                  io.write(string.format("non2xx3xx=%d\n", summary.errors.status))
                end
                """);
            var start = new ProcessStartInfo(wrk) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "-t2", "-c32", $"-d{(int)duration.TotalSeconds}s", "--latency", "-s", script, url.AbsoluteUri })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var rps = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
            return new LoadResult(rps, Percentile(output, "50"), Percentile(output, "99"), NonSuccess().Match(output).Value);
        }
        finally
        {
            File.Delete(script);
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

    [GeneratedRegex(@"non2xx3xx=\d+")]
    private static partial Regex NonSuccess();
}
