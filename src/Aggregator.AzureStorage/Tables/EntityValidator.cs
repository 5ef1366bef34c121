namespace Aggregator.AzureStorage.Tables;

/// <summary>Guards keys, property names and values against what the Table service rejects or silently mangles.</summary>
internal static class EntityValidator
{
    public static void ValidateKey(string? key, string keyName)
    {
        if (key is null)
        {
            throw new ArgumentNullException(keyName, $"{keyName} must not be null.");
        }

        if (key.Length * 2 > EntityLimits.MaxKeyBytes)
        {
            throw new ArgumentException(
                $"{keyName} is {key.Length} characters; the Table service allows {EntityLimits.MaxKeyBytes / 2} (1 KiB as UTF-16). Hash long identifiers.",
                keyName);
        }

        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || IsControl(c))
            {
                throw new ArgumentException(
                    $"{keyName} contains {Describe(c)}, which the Table service does not allow in keys (/ \\ # ? and control characters are forbidden).",
                    keyName);
            }
        }
    }

    public static void ValidatePropertyName(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("A table entity property name must not be empty.");
        }

        if (name.Length > EntityLimits.MaxPropertyNameLength)
        {
            throw new ArgumentException(
                $"Property name '{name[..40]}…' is {name.Length} characters; the Table service allows {EntityLimits.MaxPropertyNameLength}.");
        }
    }

    public static void ValidateString(string propertyName, string value)
    {
        if (value.Length * 2 > EntityLimits.MaxStringBytes)
        {
            throw new ArgumentException(
                $"Property '{propertyName}' is {value.Length} characters; a table string property holds at most {EntityLimits.MaxStringBytes / 2} (64 KiB as UTF-16). Split large content across properties or entities.");
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                throw new ArgumentException(
                    $"Property '{propertyName}' contains an unpaired surrogate {Describe(c)} at index {i}; it cannot be stored as UTF-8.");
            }

            if (IsControl(c) && c is not ('\t' or '\r' or '\n'))
            {
                throw new ArgumentException(
                    $"Property '{propertyName}' contains the control character {Describe(c)} at index {i}; only tab, CR and LF are kept by the Table service.");
            }
        }
    }

    public static void ValidateBinary(string propertyName, int length)
    {
        if (length > EntityLimits.MaxBinaryBytes)
        {
            throw new ArgumentException(
                $"Property '{propertyName}' is {length} bytes; a table binary property holds at most {EntityLimits.MaxBinaryBytes} bytes.");
        }
    }

    /// <summary>The service's own size formula: 4 + keys as UTF-16 + per property 8 + name as UTF-16 + value size.</summary>
    public static void ValidateEntitySize(string partitionKey, string rowKey, long propertiesSize)
    {
        var size = 4 + (partitionKey.Length * 2L) + (rowKey.Length * 2L) + propertiesSize;
        if (size > EntityLimits.MaxEntityBytes)
        {
            throw new ArgumentException(
                $"Entity ({partitionKey}, {rowKey}) is about {size:N0} bytes; the Table service stores at most {EntityLimits.MaxEntityBytes:N0} bytes per entity.");
        }
    }

    public static long PropertySize(string name, object value) => 8 + (name.Length * 2L) + value switch
    {
        string s => 4 + (s.Length * 2L),
        byte[] b => 4 + b.Length,
        BinaryData d => 4 + d.ToMemory().Length,
        bool => 1,
        int => 4,
        Guid => 16,
        _ => 8,
    };

    private static bool IsControl(char c) => c <= '\u001F' || c is >= '\u007F' and <= '\u009F';

    private static string Describe(char c) => $"U+{(int)c:X4}";
}
