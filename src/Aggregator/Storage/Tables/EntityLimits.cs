namespace Aggregator.Storage.Tables;

/// <summary>
/// The Table service's documented limits, checked before a write is sent (see <see cref="EntityRules"/>), so an
/// oversized or malformed entity fails with a message naming the property instead of a bare 400 from the service.
/// </summary>
internal static class EntityLimits
{
    /// <summary>PartitionKey and RowKey: up to 1 KiB each, measured as UTF-16 (so 512 characters).</summary>
    public const int MaxKeyBytes = 1024;

    /// <summary>A string property: up to 64 KiB as UTF-16, i.e. 32,768 characters.</summary>
    public const int MaxStringBytes = 64 * 1024;

    /// <summary>A binary property: up to 64 KiB.</summary>
    public const int MaxBinaryBytes = 64 * 1024;

    /// <summary>A whole entity, sized with the service's published formula.</summary>
    public const int MaxEntityBytes = 1024 * 1024;

    /// <summary>255 properties in all, three of them PartitionKey, RowKey and Timestamp.</summary>
    public const int MaxCustomProperties = 252;

    public const int MaxPropertyNameLength = 255;

    /// <summary>The earliest Edm.DateTime the service accepts.</summary>
    public static readonly DateTime MinDateTime = new(1601, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Operations in one entity group transaction.</summary>
    public const int MaxTransactionActions = 100;
}
