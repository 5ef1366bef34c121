using System.CommandLine.Parsing;
using System.Globalization;

namespace Aggregator.Cli.Commands;

/// <summary>
/// serve's option values, checked while parsing so a bad one is a usage error (exit 2) that names the option, the value
/// and what is accepted, before anything starts.
/// </summary>
internal static class ServeOptionParsers
{
    public static TimeSpan Interval(ArgumentResult result)
    {
        var text = Single(result);
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero)
        {
            return interval;
        }

        result.AddError($"--interval '{text}' is not a positive time span: use hh:mm:ss, e.g. 00:30:00 (or d.hh:mm:ss).");
        return default;
    }

    public static int? Port(ArgumentResult result)
    {
        var text = Single(result);
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535)
        {
            return port;
        }

        result.AddError($"--port '{text}' is not a port: use a number from 1 to 65535, e.g. --port 7072.");
        return null;
    }

    public static string? Urls(ArgumentResult result)
    {
        var text = Single(result);
        var bad = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(u => !u.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !u.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
        if (text.Trim().Length > 0 && bad is null)
        {
            return text;
        }

        result.AddError($"--urls '{text}' is not a list of addresses: use http://HOST:PORT, several separated by ';', e.g. http://localhost:7071.");
        return null;
    }

    private static string Single(ArgumentResult result) => result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(' ', result.Tokens.Select(t => t.Value));
}
