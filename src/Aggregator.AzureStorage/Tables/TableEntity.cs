using System.Collections;
using Azure;

namespace Aggregator.AzureStorage.Tables;

/// <summary>
/// A schemaless entity: a dictionary of property names to values, plus the system properties. Typed getters convert
/// between compatible representations (an Int32 read as Int64 or Double, a DateTime as a DateTimeOffset, bytes as
/// <see cref="BinaryData"/>), because the service returns small integral numbers without a type annotation.
/// </summary>
public sealed class TableEntity : ITableEntity, IDictionary<string, object?>
{
    internal const string PartitionKeyName = "PartitionKey";
    internal const string RowKeyName = "RowKey";
    internal const string TimestampName = "Timestamp";
    internal const string ETagName = "odata.etag";

    private readonly Dictionary<string, object?> properties = new(StringComparer.Ordinal);

    public TableEntity()
    {
    }

    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public TableEntity(IDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var (key, value) in values)
        {
            properties[key] = value;
        }
    }

    public string PartitionKey
    {
        get => GetString(PartitionKeyName) ?? string.Empty;
        set => properties[PartitionKeyName] = value;
    }

    public string RowKey
    {
        get => GetString(RowKeyName) ?? string.Empty;
        set => properties[RowKeyName] = value;
    }

    public DateTimeOffset? Timestamp
    {
        get => GetDateTimeOffset(TimestampName);
        set => properties[TimestampName] = value;
    }

    public ETag ETag
    {
        get => properties.TryGetValue(ETagName, out var value) && value is string text ? new ETag(text) : default;
        set => properties[ETagName] = value == default ? null : value.ToString();
    }

    public ICollection<string> Keys => properties.Keys;

    public ICollection<object?> Values => properties.Values;

    public int Count => properties.Count;

    bool ICollection<KeyValuePair<string, object?>>.IsReadOnly => false;

    public object? this[string key]
    {
        get => properties[key];
        set => properties[key] = value;
    }

    public string? GetString(string key) => Get<string>(key);

    public int? GetInt32(string key) => Get<int?>(key);

    public long? GetInt64(string key) => Get<long?>(key);

    public bool? GetBoolean(string key) => Get<bool?>(key);

    public double? GetDouble(string key) => Get<double?>(key);

    public Guid? GetGuid(string key) => Get<Guid?>(key);

    public DateTimeOffset? GetDateTimeOffset(string key) => Get<DateTimeOffset?>(key);

    public DateTime? GetDateTime(string key) => Get<DateTime?>(key);

    public byte[]? GetBinary(string key) => Get<byte[]>(key);

    public BinaryData? GetBinaryData(string key) => Get<BinaryData>(key);

    public void Add(string key, object? value) => properties.Add(key, value);

    public bool ContainsKey(string key) => properties.ContainsKey(key);

    public bool Remove(string key) => properties.Remove(key);

    public bool TryGetValue(string key, out object? value) => properties.TryGetValue(key, out value);

    public void Clear() => properties.Clear();

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => properties.GetEnumerator();

    void ICollection<KeyValuePair<string, object?>>.Add(KeyValuePair<string, object?> item) => properties.Add(item.Key, item.Value);

    bool ICollection<KeyValuePair<string, object?>>.Contains(KeyValuePair<string, object?> item) =>
        ((ICollection<KeyValuePair<string, object?>>)properties).Contains(item);

    void ICollection<KeyValuePair<string, object?>>.CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, object?>>)properties).CopyTo(array, arrayIndex);

    bool ICollection<KeyValuePair<string, object?>>.Remove(KeyValuePair<string, object?> item) =>
        ((ICollection<KeyValuePair<string, object?>>)properties).Remove(item);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private T? Get<T>(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!properties.TryGetValue(key, out var value) || value is null)
        {
            return default;
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return EntityValueConverter.TryConvert(value, target, out var converted)
            ? (T?)converted
            : throw new InvalidOperationException(
                $"Property '{key}' holds a {value.GetType().Name}, which cannot be read as {target.Name}.");
    }
}
