using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Aggregator.AzureStorage.Tables;

/// <summary>
/// Writes an entity as the Table service's JSON, annotating with <c>@odata.type</c> every type JSON cannot carry
/// (Int64, Double, DateTime, Guid, Binary) so it comes back as the same type. Validates keys, names, values and size
/// first, so nothing invalid reaches the wire.
/// </summary>
internal static class EntityJsonWriter
{
    // Every non-ASCII character is written as a \uXXXX escape, so request bodies are pure ASCII. Azurite (3.37) joins
    // request-body chunks as strings, corrupting any UTF-8 sequence split across two TCP reads (a 30K-character
    // Chinese property failed that way); Azure itself reads either form. The cost is size: a CJK character takes 6
    // bytes instead of 3, which the transaction size check accounts for.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.Default };

    public static byte[] Serialize(ITableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        EntityValidator.ValidateKey(entity.PartitionKey, nameof(entity.PartitionKey));
        EntityValidator.ValidateKey(entity.RowKey, nameof(entity.RowKey));

        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString(TableEntity.PartitionKeyName, entity.PartitionKey);
            writer.WriteString(TableEntity.RowKeyName, entity.RowKey);
            var count = 0;
            long size = 0;
            foreach (var (name, value) in CustomProperties(entity))
            {
                if (value is null)
                {
                    continue;
                }

                EntityValidator.ValidatePropertyName(name);
                if (++count > EntityLimits.MaxCustomProperties)
                {
                    throw new ArgumentException(
                        $"Entity ({entity.PartitionKey}, {entity.RowKey}) has more than {EntityLimits.MaxCustomProperties} properties, the Table service's limit.");
                }

                size += WriteProperty(writer, name, value);
            }

            EntityValidator.ValidateEntitySize(entity.PartitionKey, entity.RowKey, size);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The body for Create Table.</summary>
    public static byte[] SerializeTableName(string tableName)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("TableName", tableName);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static IEnumerable<KeyValuePair<string, object?>> CustomProperties(ITableEntity entity) =>
        entity is TableEntity dynamic
            ? dynamic.Where(p => !IsSystemOrAnnotation(p.Key))
            : PocoEntityShape.For(entity.GetType()).Read(entity);

    private static bool IsSystemOrAnnotation(string name) =>
        name is TableEntity.PartitionKeyName or TableEntity.RowKeyName or TableEntity.TimestampName
        || name.StartsWith("odata.", StringComparison.Ordinal) || name.Contains("@odata.", StringComparison.Ordinal);

    private static long WriteProperty(Utf8JsonWriter writer, string name, object value)
    {
        switch (value)
        {
            case string s:
                EntityValidator.ValidateString(name, s);
                writer.WriteString(name, s);
                return EntityValidator.PropertySize(name, s);
            case int i:
                writer.WriteNumber(name, i);
                break;
            case long l:
                Annotate(writer, name, "Edm.Int64");
                writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                break;
            case bool b:
                writer.WriteBoolean(name, b);
                break;
            case double or float:
                WriteDouble(writer, name, Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case Guid g:
                Annotate(writer, name, "Edm.Guid");
                writer.WriteString(name, g.ToString("D"));
                break;
            case DateTimeOffset o:
                WriteDateTime(writer, name, o.UtcDateTime);
                break;
            case DateTime t:
                WriteDateTime(writer, name, EntityValueConverter.AsUtc(t));
                break;
            case byte[] bytes:
                return WriteBinary(writer, name, bytes);
            case BinaryData data:
                return WriteBinary(writer, name, data.ToArray());
            case Enum e:
                return WriteProperty(writer, name, e.ToString());
            default:
                throw new NotSupportedException(
                    $"Property '{name}' is a {value.GetType().Name}; table entities support string, int, long, bool, double, Guid, DateTimeOffset, DateTime, byte[], BinaryData and enums.");
        }

        return EntityValidator.PropertySize(name, value);
    }

    /// <summary>Always annotated: an integral double written as <c>3</c> would otherwise be stored as Int32.</summary>
    private static void WriteDouble(Utf8JsonWriter writer, string name, double value)
    {
        Annotate(writer, name, "Edm.Double");
        if (double.IsFinite(value))
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteString(name, double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    private static void WriteDateTime(Utf8JsonWriter writer, string name, DateTime utc)
    {
        if (utc < EntityLimits.MinDateTime)
        {
            throw new ArgumentException(
                $"Property '{name}' is {utc:O}; the Table service stores dates from 1601-01-01 UTC on (an unset DateTimeOffset is 0001-01-01: make it nullable).");
        }

        Annotate(writer, name, "Edm.DateTime");
        writer.WriteString(name, utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
    }

    private static long WriteBinary(Utf8JsonWriter writer, string name, byte[] bytes)
    {
        EntityValidator.ValidateBinary(name, bytes.Length);
        Annotate(writer, name, "Edm.Binary");
        writer.WriteBase64String(name, bytes);
        return EntityValidator.PropertySize(name, bytes);
    }

    private static void Annotate(Utf8JsonWriter writer, string name, string edmType) =>
        writer.WriteString(name + "@odata.type", edmType);
}
