namespace Aggregator.AzureStorage.Tables;

/// <summary>
/// Converts a value as read from the service (string, int, long, bool, double, Guid, DateTimeOffset, byte[]) to the
/// type a caller asked for, accepting only lossless widenings and the representations the wire format blurs.
/// </summary>
internal static class EntityValueConverter
{
    public static bool TryConvert(object value, Type target, out object? converted)
    {
        converted = null;
        if (target.IsInstanceOfType(value))
        {
            converted = value;
            return true;
        }

        if (target.IsEnum)
        {
            return TryConvertEnum(value, target, out converted);
        }

        converted = (value, Type.GetTypeCode(target)) switch
        {
            (int i, TypeCode.Int64) => (long)i,
            (int i, TypeCode.Double) => (double)i,
            (long l, TypeCode.Double) => (double)l,
            (long l, TypeCode.Int32) when l is >= int.MinValue and <= int.MaxValue => (int)l,
            (double d, TypeCode.Int32) when d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
            (double d, TypeCode.Int64) when d == Math.Floor(d) && d is >= long.MinValue and < long.MaxValue => (long)d,
            (DateTimeOffset o, TypeCode.DateTime) => o.UtcDateTime,
            (DateTime t, _) when target == typeof(DateTimeOffset) => new DateTimeOffset(AsUtc(t)),
            (byte[] b, _) when target == typeof(BinaryData) => new BinaryData(b),
            (BinaryData d, _) when target == typeof(byte[]) => d.ToArray(),
            (string s, _) when target == typeof(Guid) && Guid.TryParse(s, out var g) => g,
            (Guid g, TypeCode.String) => g.ToString("D"),
            _ => null,
        };
        return converted is not null;
    }

    /// <summary>Unspecified kinds are taken as UTC: the service has no notion of local time.</summary>
    public static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    private static bool TryConvertEnum(object value, Type target, out object? converted)
    {
        converted = value switch
        {
            string s when Enum.TryParse(target, s, ignoreCase: false, out var parsed) => parsed,
            int i => Enum.ToObject(target, i),
            long l => Enum.ToObject(target, l),
            _ => null,
        };
        return converted is not null;
    }
}
