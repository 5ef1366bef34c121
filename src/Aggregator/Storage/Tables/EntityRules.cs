using Azure.Data.Tables;

namespace Aggregator.Storage.Tables;

/// <summary>
/// What the Table service rejects or silently mangles, checked before a write leaves the process: keys, property names,
/// values, entity size and transaction shape. Text from sources reaches these rows, so a bad value must fail with a
/// message naming the entity and the property, not with an opaque 400 (or, on Azurite, be stored differently).
/// </summary>
internal static class EntityRules
{
    // Names the SDK keeps in the entity's dictionary beside the properties; the service sets them, they are not ours.
    private static readonly HashSet<string> SystemNames = new(StringComparer.Ordinal) { "PartitionKey", "RowKey", "Timestamp", "odata.etag" };

    /// <exception cref="ArgumentException">The entity cannot be stored as it is.</exception>
    public static void Validate(ITableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ValidateKey(entity.PartitionKey, nameof(entity.PartitionKey));
        ValidateKey(entity.RowKey, nameof(entity.RowKey));
        if (entity is not IDictionary<string, object?> properties)
        {
            return;
        }

        var count = 0;
        var size = 4 + (entity.PartitionKey.Length * 2L) + (entity.RowKey.Length * 2L);
        foreach (var (name, value) in properties)
        {
            if (value is null || SystemNames.Contains(name))
            {
                continue;
            }

            if (++count > EntityLimits.MaxCustomProperties)
            {
                throw new ArgumentException(
                    $"Entity ({entity.PartitionKey}, {entity.RowKey}) has more than {EntityLimits.MaxCustomProperties} properties, the Table service's limit.");
            }

            ValidatePropertyName(name);
            ValidateValue(name, value);
            size += PropertySize(name, value);
        }

        if (size > EntityLimits.MaxEntityBytes)
        {
            throw new ArgumentException(
                $"Entity ({entity.PartitionKey}, {entity.RowKey}) is about {size:N0} bytes; the Table service stores at most {EntityLimits.MaxEntityBytes:N0} bytes per entity.");
        }
    }

    /// <summary>A transaction holds 1–100 actions on one partition, each row once, each entity valid.</summary>
    public static void Validate(IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count is 0 or > EntityLimits.MaxTransactionActions)
        {
            throw new ArgumentException(
                $"A table transaction holds 1 to {EntityLimits.MaxTransactionActions} actions, not {actions.Count}; split it.", nameof(actions));
        }

        var partitionKey = actions[0].Entity.PartitionKey;
        var rows = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < actions.Count; i++)
        {
            var entity = actions[i].Entity;
            if (!string.Equals(entity.PartitionKey, partitionKey, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"A table transaction covers one partition: action {i} is in '{entity.PartitionKey}', action 0 in '{partitionKey}'.", nameof(actions));
            }

            if (!rows.Add(entity.RowKey ?? string.Empty))
            {
                throw new ArgumentException(
                    $"A table transaction may touch each entity once: row '{entity.RowKey}' appears again at action {i}.", nameof(actions));
            }

            if (actions[i].ActionType != TableTransactionActionType.Delete)
            {
                Validate(entity);
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="key"/> can name an entity at all. A point read of one that cannot is refused by the
    /// service (Azurite answers 500), so readers given an id from elsewhere ask this first: no such entity exists.
    /// </summary>
    public static bool CanBeKey(string key) =>
        key.Length * 2 <= EntityLimits.MaxKeyBytes && !key.Any(IsForbiddenInKey);

    private static bool IsForbiddenInKey(char c) => c is '/' or '\\' or '#' or '?' || IsControl(c);

    private static void ValidateKey(string? key, string keyName)
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
            if (IsForbiddenInKey(c))
            {
                throw new ArgumentException(
                    $"{keyName} contains {Describe(c)}, which the Table service does not allow in keys (/ \\ # ? and control characters are forbidden).",
                    keyName);
            }
        }
    }

    private static void ValidatePropertyName(string name)
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

    private static void ValidateValue(string name, object value)
    {
        switch (value)
        {
            case string s:
                ValidateString(name, s);
                break;
            case byte[] bytes when bytes.Length > EntityLimits.MaxBinaryBytes:
            case BinaryData data when data.ToMemory().Length > EntityLimits.MaxBinaryBytes:
                throw new ArgumentException(
                    $"Property '{name}' is over {EntityLimits.MaxBinaryBytes} bytes, the most a table binary property holds.");
            case DateTimeOffset time when time.UtcDateTime < EntityLimits.MinDateTime:
            case DateTime date when date.ToUniversalTime() < EntityLimits.MinDateTime:
                throw new ArgumentException(
                    $"Property '{name}' is {value:O}; the Table service stores dates from 1601-01-01 UTC on (an unset DateTimeOffset is 0001-01-01: make it nullable).");
        }
    }

    private static void ValidateString(string propertyName, string value)
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

    /// <summary>The service's own size formula: per property 8 + name as UTF-16 + value size.</summary>
    private static long PropertySize(string name, object value) => 8 + (name.Length * 2L) + value switch
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
