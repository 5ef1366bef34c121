using System.Globalization;
using System.Text.RegularExpressions;

namespace Aggregator.Parsing.Text;

/// <summary>
/// Reads the date formats feeds really use: RFC 822/1123 (2-digit years, missing seconds, wrong or missing day
/// names, named and "GMT+8" zones), RFC 3339/W3CDTF/ISO 8601 variants, asctime/Java <c>Date.toString()</c>, and the
/// Chinese forms "2025-04-23 13:11:17", "2025/04/23 13:11", "2025年4月23日 13:11". Zone-less Chinese forms (年月日 and
/// slashes always; "yyyy-MM-dd HH:mm" in a Chinese feed) are read as +08:00; other zone-less stamps as UTC, like
/// feedparser. Anything else is null, never an exception.
/// </summary>
internal static partial class FeedDateParser
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static DateTimeOffset? Parse(string? value, bool chineseFeed = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (TryParseCommonExactForms(text, out var exact))
        {
            return exact;
        }

        try
        {
            return ParseIso(text, chineseFeed) ?? ParseRfc822(text, chineseFeed) ?? ParseAsctime(text, chineseFeed)
                ?? ParseChinese(text);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>
    /// The two forms most feeds use (RFC 3339 with a zone, RFC 1123 in GMT), parsed without a regex: dates are parsed
    /// for every item, and the general patterns below cost several times more.
    /// </summary>
    private static bool TryParseCommonExactForms(string text, out DateTimeOffset result)
    {
        if (text.Length is >= 20 and <= 35 && text[4] == '-' && text[10] == 'T'
            && (text[^1] is 'Z' or 'z' || text[^6] is '+' or '-' && text[^3] == ':'))
        {
            return DateTimeOffset.TryParseExact(text, Rfc3339Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out result);
        }

        if (text.Length == 29 && text.EndsWith(" GMT", StringComparison.Ordinal) && text[3] == ',')
        {
            return DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out result);
        }

        result = default;
        return false;
    }

    private static readonly string[] Rfc3339Formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    private static DateTimeOffset? ParseIso(string text, bool chineseFeed)
    {
        var m = IsoDate().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = Number(m.Groups["mo"], 1);
        var day = Number(m.Groups["d"], 1);
        var hour = Number(m.Groups["h"], 0);
        var minute = Number(m.Groups["mi"], 0);
        var second = Number(m.Groups["s"], 0);
        var fraction = m.Groups["f"].Success ? double.Parse("0." + m.Groups["f"].Value, CultureInfo.InvariantCulture) : 0;
        var zone = m.Groups["z"].Value;
        TimeSpan? offset = zone.Length > 0 ? ZoneOffset(zone, chineseFeed)
            : m.Groups["sep"].Value == " " && chineseFeed ? ChinaOffset : TimeSpan.Zero;
        if (offset is null || !Valid(year, month, day, hour, minute, second))
        {
            return null;
        }

        return Build(year, month, day, hour, minute, second, offset.Value).AddTicks((long)(fraction * TimeSpan.TicksPerSecond));
    }

    private static DateTimeOffset? ParseRfc822(string text, bool chineseFeed)
    {
        var m = Rfc822Date().Match(text);
        if (!m.Success || MonthNumber(m.Groups["mo"].Value) is not { } month)
        {
            return null;
        }

        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        year = m.Groups["y"].Value.Length == 2 ? (year < 70 ? 2000 : 1900) + year : year;
        return Assemble(year, month, Number(m.Groups["d"], 1), m, m.Groups["z"].Value, chineseFeed);
    }

    private static DateTimeOffset? ParseAsctime(string text, bool chineseFeed)
    {
        var m = AsctimeDate().Match(text);
        if (!m.Success || MonthNumber(m.Groups["mo"].Value) is not { } month)
        {
            return null;
        }

        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        return Assemble(year, month, Number(m.Groups["d"], 1), m, m.Groups["z"].Value, chineseFeed);
    }

    private static DateTimeOffset? ParseChinese(string text)
    {
        var m = ChineseDate().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        int month = Number(m.Groups["mo"], 1), day = Number(m.Groups["d"], 1);
        int hour = Number(m.Groups["h"], 0), minute = Number(m.Groups["mi"], 0), second = Number(m.Groups["s"], 0);
        return Valid(year, month, day, hour, minute, second) ? Build(year, month, day, hour, minute, second, ChinaOffset) : null;
    }

    private static DateTimeOffset? Assemble(int year, int month, int day, Match m, string zone, bool chineseFeed)
    {
        int hour = Number(m.Groups["h"], 0), minute = Number(m.Groups["mi"], 0), second = Number(m.Groups["s"], 0);
        var offset = zone.Length == 0 ? TimeSpan.Zero : ZoneOffset(zone, chineseFeed);
        return offset is { } o && Valid(year, month, day, hour, minute, second) ? Build(year, month, day, hour, minute, second, o) : null;
    }

    private static DateTimeOffset Build(int year, int month, int day, int hour, int minute, int second, TimeSpan offset)
    {
        // Some feeds write 24:00 for midnight at the end of the day.
        var extraDay = hour == 24;
        var result = new DateTimeOffset(year, month, day, extraDay ? 0 : hour, minute, second, offset);
        return extraDay ? result.AddDays(1) : result;
    }

    private static bool Valid(int year, int month, int day, int hour, int minute, int second) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
        && hour is >= 0 and <= 24 && minute is >= 0 and <= 59 && second is >= 0 and <= 60;

    private static int Number(Group group, int fallback) =>
        group.Success && group.Length > 0 ? Math.Min(int.Parse(group.Value, CultureInfo.InvariantCulture), group.Name == "s" ? 59 : int.MaxValue) : fallback;

    private static int? MonthNumber(string name)
    {
        if (name.Length < 3)
        {
            return null;
        }

        var index = "janfebmaraprmayjunjulaugsepoctnovdec".IndexOf(name[..3].ToLowerInvariant(), StringComparison.Ordinal);
        return index >= 0 && index % 3 == 0 ? index / 3 + 1 : null;
    }

    private static TimeSpan? ZoneOffset(string zone, bool chineseFeed)
    {
        var m = NumericZone().Match(zone);
        if (m.Success)
        {
            var hours = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minutes = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            if (m.Groups["h"].Length > 2)
            {
                // "+800" or "+0800" written without a colon.
                (hours, minutes) = (hours / 100, hours % 100);
            }

            var offset = new TimeSpan(hours, minutes, 0);
            return hours > 14 || minutes > 59 ? null : m.Groups["sign"].Value == "-" ? -offset : offset;
        }

        return zone.ToUpperInvariant() switch
        {
            "Z" or "UT" or "UTC" or "GMT" or "WET" => TimeSpan.Zero,
            "EST" => TimeSpan.FromHours(-5),
            "EDT" => TimeSpan.FromHours(-4),
            "CST" => chineseFeed ? ChinaOffset : TimeSpan.FromHours(-6),
            "CDT" => TimeSpan.FromHours(-5),
            "MST" => TimeSpan.FromHours(-7),
            "MDT" => TimeSpan.FromHours(-6),
            "PST" => TimeSpan.FromHours(-8),
            "PDT" => TimeSpan.FromHours(-7),
            "AKST" => TimeSpan.FromHours(-9),
            "HST" => TimeSpan.FromHours(-10),
            "BST" or "CET" or "MET" => TimeSpan.FromHours(1),
            "CEST" or "EET" or "MEST" => TimeSpan.FromHours(2),
            "EEST" or "MSK" => TimeSpan.FromHours(3),
            "IST" => new TimeSpan(5, 30, 0),
            "HKT" or "SGT" or "AWST" or "BJT" => ChinaOffset,
            "JST" or "KST" => TimeSpan.FromHours(9),
            "AEST" => TimeSpan.FromHours(10),
            "AEDT" => TimeSpan.FromHours(11),
            _ when zone.Length == 1 && char.IsLetter(zone[0]) => MilitaryZone(char.ToUpperInvariant(zone[0])),
            _ => TimeSpan.Zero,
        };
    }

    /// <summary>RFC 822 single-letter zones (RFC 1123 notes their signs were often wrong; used as specified).</summary>
    private static TimeSpan? MilitaryZone(char letter) => letter switch
    {
        'Z' => TimeSpan.Zero,
        >= 'A' and <= 'I' => TimeSpan.FromHours(-(letter - 'A' + 1)),
        >= 'K' and <= 'M' => TimeSpan.FromHours(-(letter - 'K' + 10)),
        >= 'N' and <= 'Y' => TimeSpan.FromHours(letter - 'N' + 1),
        _ => null,
    };

    [GeneratedRegex("""^(?<y>\d{4})(?:-?(?<mo>\d{2})(?:-?(?<d>\d{2}))?)?(?:(?<sep>[Tt ]|\s+)(?<h>\d{2})(?::?(?<mi>\d{2})(?::?(?<s>\d{2})(?:[.,](?<f>\d{1,7})\d*)?)?)?)?\s*(?<z>[Zz]|[+-]\d{2}(?::?\d{2})?|(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?)?$""", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex("""^(?:[A-Za-z]+\.?,?\s*)?(?<d>\d{1,2})[\s-]+(?<mo>[A-Za-z]{3,9})\.?[\s-]+(?<y>\d{4}|\d{2})(?:,?\s+(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?(?:\.\d+)?)?\s*(?<z>[A-Za-z]{1,5}(?:\s*[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{1,4}(?::?\d{2})?)?\s*(?:\([^)]*\))?$""", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822Date();

    [GeneratedRegex("""^(?:[A-Za-z]{3},?\s+)?(?<mo>[A-Za-z]{3,9})\s+(?<d>\d{1,2}),?\s+(?:(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?\s+(?:(?<z>[A-Za-z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{4})\s+)?)?(?<y>\d{4})$""", RegexOptions.CultureInvariant)]
    private static partial Regex AsctimeDate();

    [GeneratedRegex("""^(?<y>\d{4})\s*(?:[年/.-])\s*(?<mo>\d{1,2})\s*(?:[月/.-])\s*(?<d>\d{1,2})\s*日?(?:\s*(?<h>\d{1,2})\s*[:：时]\s*(?<mi>\d{1,2})(?:\s*[:：分]\s*(?<s>\d{1,2})\s*秒?)?\s*分?)?$""", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseDate();

    [GeneratedRegex("""^(?:UTC|GMT|UT)?\s*(?<sign>[+-])(?<h>\d{1,4})(?::?(?<m>\d{2}))?$""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NumericZone();
}
