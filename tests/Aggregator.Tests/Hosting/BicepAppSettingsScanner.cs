using System.Text;
using System.Text.RegularExpressions;

namespace Aggregator.Tests.Hosting;

/// <summary>
/// Reads the app-setting names a Bicep file sets, from its text: there is no Bicep compiler here, and infra/ keeps to two
/// shapes that a line scanner reads reliably.
/// <list type="number">
/// <item>Object form: an object literal opened at the end of a line <c>xxxSettings: {</c> or <c>var xxxSettings = {</c>
/// (any name ending in "settings", any case). Its first-level keys are setting names — main.bicep's
/// <c>appSettings: { INGEST_SCHEDULE: ... }</c>.</item>
/// <item>Entry form: a line <c>name: 'SETTING'</c> whose next non-blank line starts with <c>value:</c> — an entry of a
/// <c>siteConfig.appSettings</c> array, as api.bicep writes the secrets and the storage connection.</item>
/// </list>
/// <c>//</c> comments are dropped first (outside strings), so a setting named in a comment does not count.
/// </summary>
internal static partial class BicepAppSettingsScanner
{
    public static IReadOnlySet<string> Scan(string bicepText)
    {
        var lines = bicepText.Split('\n').Select(StripComment).ToArray();
        var names = new HashSet<string>(StringComparer.Ordinal);
        ReadObjectForm(lines, names);
        ReadEntryForm(lines, names);
        return names;
    }

    private static void ReadObjectForm(string[] lines, HashSet<string> names)
    {
        var depth = 0;
        foreach (var line in lines)
        {
            if (depth == 0)
            {
                if (SettingsObjectStart().IsMatch(line))
                {
                    depth = 1;
                }

                continue;
            }

            var key = ObjectKey().Match(line);
            if (depth == 1 && key.Success)
            {
                names.Add(key.Groups["quoted"].Success ? key.Groups["quoted"].Value : key.Groups["bare"].Value);
            }

            depth += NestingChange(line);
        }
    }

    private static void ReadEntryForm(string[] lines, HashSet<string> names)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var entry = EntryName().Match(lines[i]);
            if (!entry.Success)
            {
                continue;
            }

            var next = lines.Skip(i + 1).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));
            if (next is not null && next.TrimStart().StartsWith("value:", StringComparison.Ordinal))
            {
                names.Add(entry.Groups["name"].Value);
            }
        }
    }

    /// <summary>Net count of opening minus closing braces and brackets outside strings.</summary>
    private static int NestingChange(string line)
    {
        var change = 0;
        var inString = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '\'')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '\'':
                    inString = true;
                    break;
                case '{' or '[':
                    change++;
                    break;
                case '}' or ']':
                    change--;
                    break;
            }
        }

        return change;
    }

    private static string StripComment(string line)
    {
        var inString = false;
        var kept = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (!inString && c == '/' && i + 1 < line.Length && line[i + 1] == '/')
            {
                break;
            }

            if (inString && c == '\\' && i + 1 < line.Length)
            {
                kept.Append(c).Append(line[++i]);
                continue;
            }

            if (c == '\'')
            {
                inString = !inString;
            }

            kept.Append(c);
        }

        return kept.ToString().TrimEnd('\r');
    }

    [GeneratedRegex(@"\b[A-Za-z_][A-Za-z0-9_]*settings\s*(?::|=)\s*\{\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SettingsObjectStart();

    [GeneratedRegex(@"^\s*(?:'(?<quoted>[^']+)'|(?<bare>[A-Za-z_][A-Za-z0-9_]*))\s*:")]
    private static partial Regex ObjectKey();

    [GeneratedRegex(@"^\s*name:\s*'(?<name>[A-Za-z0-9_.-]+)'\s*$")]
    private static partial Regex EntryName();
}
