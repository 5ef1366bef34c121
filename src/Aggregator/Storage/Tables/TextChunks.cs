using Azure.Data.Tables;

namespace Aggregator.Storage.Tables;

/// <summary>
/// Stores text of any length in table entities. A property holds at most 64 KiB (32K UTF-16 units) and an entity at
/// most 1 MiB, so text is cut into property-sized pieces, <see cref="PiecesPerRow"/> to a row, in rows of the owner's
/// partition. Cuts never split a surrogate pair, so the text round-trips exactly.
/// </summary>
internal static class TextChunks
{
    /// <summary>UTF-16 units per property: under 64 KiB with room to spare.</summary>
    public const int PieceLength = 30_000;

    /// <summary>
    /// Pieces per entity: 150,000 characters. Azure counts 2 bytes a character (300 KB of the 1 MiB), but Azurite
    /// measures the JSON it was sent, where a Chinese character may be a six-byte escape (900 KB).
    /// </summary>
    public const int PiecesPerRow = 5;

    public static IReadOnlyList<string> Split(string text)
    {
        var pieces = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var length = Math.Min(PieceLength, text.Length - start);
            if (start + length < text.Length && char.IsHighSurrogate(text[start + length - 1]))
            {
                length--;
            }

            pieces.Add(text.Substring(start, length));
            start += length;
        }

        return pieces;
    }

    /// <summary>Writes pieces [first, first + PiecesPerRow) as properties NAME_0, NAME_1, … and the piece count as NAME_n.</summary>
    public static void Write(TableEntity entity, string name, IReadOnlyList<string> pieces, int first)
    {
        var count = Math.Min(PiecesPerRow, pieces.Count - first);
        for (var i = 0; i < count; i++)
        {
            entity[$"{name}_{i}"] = pieces[first + i];
        }

        entity[$"{name}_n"] = Math.Max(count, 0);
    }

    public static void ReadInto(TableEntity entity, string name, System.Text.StringBuilder target)
    {
        var count = entity.GetInt32($"{name}_n") ?? 0;
        for (var i = 0; i < count; i++)
        {
            target.Append(entity.GetString($"{name}_{i}"));
        }
    }

    /// <summary>The rows holding <paramref name="text"/>, keyed rowKey(0), rowKey(1), …; none for empty text.</summary>
    public static List<TableEntity> ToRows(string partitionKey, Func<int, string> rowKey, string text)
    {
        var pieces = Split(text);
        var rows = new List<TableEntity>();
        for (var first = 0; first < pieces.Count; first += PiecesPerRow)
        {
            var row = new TableEntity(partitionKey, rowKey(rows.Count));
            Write(row, "P", pieces, first);
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Joins the text of rows rowKey(0) … rowKey(rowCount - 1), which must all be present.</summary>
    public static string FromRows(IReadOnlyList<TableEntity> rows, Func<int, string> rowKey, int rowCount)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < rowCount; i++)
        {
            var key = rowKey(i);
            var row = rows.FirstOrDefault(r => r.RowKey == key)
                ?? throw new InvalidDataException($"Partition {rows[0].PartitionKey} is missing its row {key}.");
            ReadInto(row, "P", text);
        }

        return text.ToString();
    }
}
