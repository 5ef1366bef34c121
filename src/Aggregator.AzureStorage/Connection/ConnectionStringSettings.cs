namespace Aggregator.AzureStorage.Connection;

/// <summary>Splits <c>Name=Value;Name=Value</c> into a case-insensitive dictionary, never quoting a value in errors.</summary>
internal static class ConnectionStringSettings
{
    public static IReadOnlyDictionary<string, string> Split(string connectionString)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var segments = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (segments.Length == 0)
        {
            throw new FormatException("The storage connection string is empty.");
        }

        for (var i = 0; i < segments.Length; i++)
        {
            var equals = segments[i].IndexOf('=');
            if (equals <= 0)
            {
                // The segment may be (part of) the key: say where, not what.
                throw new FormatException(
                    $"The storage connection string is not valid: segment {i + 1} is not of the form Name=Value.");
            }

            var name = segments[i][..equals].Trim();
            if (!settings.TryAdd(name, segments[i][(equals + 1)..].Trim()))
            {
                throw new FormatException($"The storage connection string is not valid: {name} appears twice.");
            }
        }

        return settings;
    }
}
