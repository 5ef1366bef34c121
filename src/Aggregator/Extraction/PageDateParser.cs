using System.Globalization;
using System.Text.RegularExpressions;

namespace Aggregator.Extraction;

/// <summary>
/// Dates as pages print them: ISO 8601, "2025-04-23 13:11", "2025/4/23", "2025年4月23日 13:11", RFC 1123, "April 23, 2025".
/// A date without a zone is taken as China Standard Time (+08:00): most pages we read without feeds are Chinese.
/// Kept here rather than shared with feed parsing, whose date rules (RFC 822 zones, feedparser quirks) differ.
/// </summary>
internal static partial class PageDateParser
{
    internal static readonly TimeSpan AssumedOffset = TimeSpan.FromHours(8);

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        var numeric = NumericDate().Match(text);
        if (numeric.Success)
        {
            return FromNumeric(numeric);
        }

        if (UnixSeconds().IsMatch(text))
        {
            return DateTimeOffset.FromUnixTimeSeconds(long.Parse(text, CultureInfo.InvariantCulture));
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return HasZone(text) ? parsed : new DateTimeOffset(parsed.DateTime, AssumedOffset);
        }

        return null;
    }

    private static DateTimeOffset? FromNumeric(Match match)
    {
        int Part(string name, int fallback) =>
            match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : fallback;

        var offset = AssumedOffset;
        var zone = match.Groups["zone"].Value;
        if (zone is "Z" or "z")
        {
            offset = TimeSpan.Zero;
        }
        else if (zone.Length > 0)
        {
            var sign = zone[0] == '-' ? -1 : 1;
            var digits = zone[1..].Replace(":", string.Empty, StringComparison.Ordinal);
            offset = sign * new TimeSpan(int.Parse(digits[..2], CultureInfo.InvariantCulture), int.Parse(digits[2..], CultureInfo.InvariantCulture), 0);
        }

        try
        {
            return new DateTimeOffset(Part("y", 1), Part("mo", 1), Part("d", 1), Part("h", 0), Part("mi", 0), Part("s", 0), offset);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static bool HasZone(string text) => ZoneSuffix().IsMatch(text);

    [GeneratedRegex(@"(?<y>(?:19|20)\d{2})\s*[-/.年]\s*(?<mo>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})\s*日?(?:\s*T?\s*(?<h>\d{1,2})\s*[:：时]\s*(?<mi>\d{2})(?:\s*[:：分]\s*(?<s>\d{2}))?(?:\.\d+)?)?\s*(?<zone>Z|z|[+-]\d{2}:?\d{2})?", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"^\d{10}$")]
    private static partial Regex UnixSeconds();

    [GeneratedRegex(@"(?:Z|GMT|UTC|[+-]\d{2}:?\d{2})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ZoneSuffix();
}
