namespace Aggregator.AzureStorage.Tables;

/// <summary>Table names: 3–63 ASCII letters and digits, starting with a letter; "tables" is reserved.</summary>
internal static class TableNames
{
    public static void Validate(string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        var valid = tableName.Length is >= 3 and <= 63
            && char.IsAsciiLetter(tableName[0])
            && tableName.All(char.IsAsciiLetterOrDigit)
            && !tableName.Equals("tables", StringComparison.OrdinalIgnoreCase);
        if (!valid)
        {
            throw new ArgumentException(
                $"'{tableName}' is not a valid table name: use 3 to 63 letters and digits, starting with a letter (and not 'tables').",
                nameof(tableName));
        }
    }
}
