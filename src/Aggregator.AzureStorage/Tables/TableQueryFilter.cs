using System.Globalization;
using Azure;

namespace Aggregator.AzureStorage.Tables;

/// <summary>
/// Turns an interpolated OData filter into text with every argument rendered as a literal of its type, so values can
/// neither break nor extend the filter: strings in single quotes with quotes doubled, <c>datetime'…'</c>,
/// <c>guid'…'</c>, <c>123L</c>, <c>X'…'</c>.
/// </summary>
internal static class TableQueryFilter
{
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var arguments = filter.GetArguments().Select(Literal).ToArray<object?>();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, arguments);
    }

    public static string Literal(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        char c => Quote(c.ToString()),
        bool b => b ? "true" : "false",
        int or short or byte or sbyte or ushort => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        uint u => u.ToString(CultureInfo.InvariantCulture) + "L",
        double d => Double(d),
        float f => Double(f),
        decimal m => Double((double)m),
        Guid g => $"guid'{g:D}'",
        DateTimeOffset o => DateTime(o.UtcDateTime),
        DateTime t => DateTime(EntityValueConverter.AsUtc(t)),
        byte[] bytes => $"X'{Convert.ToHexStringLower(bytes)}'",
        BinaryData data => $"X'{Convert.ToHexStringLower(data.ToMemory().Span)}'",
        ETag etag => Quote(etag.ToString()),
        Enum e => Quote(e.ToString()),
        _ => throw new ArgumentException(
            $"A {value.GetType().Name} cannot be used in a table query filter; pass a string, number, bool, Guid, DateTimeOffset or byte[]."),
    };

    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string DateTime(DateTime utc) =>
        "datetime'" + utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) + "'";

    /// <summary>Round-trippable, and with a decimal point so an integral value is still a Double literal.</summary>
    private static string Double(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return double.IsFinite(value) && !text.Contains('.', StringComparison.Ordinal) && !text.Contains('E', StringComparison.Ordinal)
            ? text + ".0"
            : text;
    }
}
