using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Serialization;
using Azure;

namespace Aggregator.AzureStorage.Tables;

/// <summary>
/// How a POCO entity maps to table properties: its public read/write properties of supported types, named by
/// <see cref="DataMemberAttribute.Name"/> when given, skipping <see cref="IgnoreDataMemberAttribute"/>. Built once per
/// type by reflection and cached. Enums are stored as their names.
/// </summary>
internal sealed class PocoEntityShape
{
    private static readonly ConcurrentDictionary<Type, PocoEntityShape> Shapes = new();

    private static readonly HashSet<Type> SupportedTypes =
    [
        typeof(string), typeof(int), typeof(long), typeof(bool), typeof(double), typeof(Guid), typeof(DateTimeOffset),
        typeof(DateTime), typeof(byte[]), typeof(BinaryData),
    ];

    private static readonly HashSet<string> SystemProperties =
        [nameof(ITableEntity.PartitionKey), nameof(ITableEntity.RowKey), nameof(ITableEntity.Timestamp), nameof(ITableEntity.ETag)];

    private readonly Dictionary<string, PropertyInfo> byName;

    private PocoEntityShape(Type type)
    {
        var mapped = new List<(string Name, PropertyInfo Property)>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (SystemProperties.Contains(property.Name) || property.GetIndexParameters().Length > 0
                || property.GetMethod?.IsPublic != true || property.SetMethod?.IsPublic != true
                || property.IsDefined(typeof(IgnoreDataMemberAttribute)))
            {
                continue;
            }

            var valueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (!valueType.IsEnum && !SupportedTypes.Contains(valueType))
            {
                throw new NotSupportedException(
                    $"{type.Name}.{property.Name} is a {property.PropertyType.Name}; table entities support string, int, long, bool, double, Guid, DateTimeOffset, DateTime, byte[], BinaryData and enums. Mark it [IgnoreDataMember] to leave it out.");
            }

            var name = property.GetCustomAttribute<DataMemberAttribute>()?.Name ?? property.Name;
            EntityValidator.ValidatePropertyName(name);
            mapped.Add((name, property));
        }

        Properties = mapped;
        byName = mapped.ToDictionary(p => p.Name, p => p.Property, StringComparer.Ordinal);
    }

    public IReadOnlyList<(string Name, PropertyInfo Property)> Properties { get; }

    public static PocoEntityShape For(Type type) => Shapes.GetOrAdd(type, static t => new PocoEntityShape(t));

    /// <summary>The entity's custom properties as table values; nulls are left out (the service stores no nulls).</summary>
    public IEnumerable<KeyValuePair<string, object?>> Read(object entity)
    {
        foreach (var (name, property) in Properties)
        {
            var value = property.GetValue(entity);
            yield return new(name, value is Enum e ? e.ToString() : value);
        }
    }

    /// <summary>Sets the properties the service returned; unknown ones are ignored, as a schemaless store requires.</summary>
    public void Write(ITableEntity entity, IReadOnlyDictionary<string, object?> values)
    {
        entity.PartitionKey = values.GetValueOrDefault(TableEntity.PartitionKeyName) as string ?? string.Empty;
        entity.RowKey = values.GetValueOrDefault(TableEntity.RowKeyName) as string ?? string.Empty;
        entity.Timestamp = values.GetValueOrDefault(TableEntity.TimestampName) as DateTimeOffset?;
        entity.ETag = values.GetValueOrDefault(TableEntity.ETagName) is string etag ? new ETag(etag) : default;
        foreach (var (name, value) in values)
        {
            if (value is null || !byName.TryGetValue(name, out var property))
            {
                continue;
            }

            var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (!EntityValueConverter.TryConvert(value, target, out var converted))
            {
                throw new InvalidOperationException(
                    $"Table property '{name}' holds a {value.GetType().Name}, which cannot be assigned to {entity.GetType().Name}.{property.Name} ({property.PropertyType.Name}).");
            }

            property.SetValue(entity, converted);
        }
    }
}
