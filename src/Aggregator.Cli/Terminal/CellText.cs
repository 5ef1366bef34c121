using System.Text;
using Spectre.Console;

namespace Aggregator.Cli.Terminal;

/// <summary>Text cut to a number of terminal cells (a CJK character takes two), so a table row stays one line.</summary>
internal static class CellText
{
    public static string Fit(string text, int cells)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = OneLine(text);
        if (text.GetCellWidth() <= cells)
        {
            return text;
        }

        if (cells <= 0)
        {
            return "";
        }

        var fitted = new StringBuilder();
        var used = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var width = rune.ToString().GetCellWidth();
            if (used + width > cells - 1)
            {
                break;
            }

            fitted.Append(rune.ToString());
            used += width;
        }

        return fitted.Append('…').ToString();
    }

    /// <summary>Line breaks (SDK and server messages have them) as spaces: one source, one line.</summary>
    public static string OneLine(string text) =>
        text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal)
            ? string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            : text;
}
