using Aggregator.AzureStorage.Tables;

namespace Aggregator.Storage.Tables;

/// <summary>
/// Maps a <see cref="Post"/> to its partition: the "post" row with the metadata, then "html-NNNN" and "text-NNNN"
/// rows holding the content in property-sized pieces (see <see cref="TextChunks"/>).
/// </summary>
internal static class PostEntityMapper
{
    public const string MainRow = "post";

    public static List<TableEntity> ToEntities(Post post)
    {
        var main = new TableEntity(post.Id, MainRow)
        {
            ["SourceId"] = post.SourceId,
            ["SourceName"] = post.SourceName,
            ["Title"] = post.Title,
            ["Link"] = post.Link,
            ["Authors"] = JsonColumn.Write(post.Authors),
            ["Published"] = post.Published,
            ["FirstSeen"] = post.FirstSeen,
            ["Summary"] = post.Summary,
            ["Summarizer"] = post.Summarizer,
            ["SummaryRetry"] = post.SummaryRetry,
            ["Language"] = post.Language,
            ["Categories"] = JsonColumn.Write(post.Categories),
            ["Enclosures"] = JsonColumn.Write(post.Enclosures),
            ["Sources"] = JsonColumn.Write(post.Sources),
            ["Papers"] = JsonColumn.Write(post.Papers),
            ["Fingerprint"] = unchecked((long)post.Fingerprint),
        };
        if (post.Updated is { } updated)
        {
            main["Updated"] = updated;
        }

        var rows = new List<TableEntity>();
        main["HtmlRows"] = AddChunkRows(rows, post.Id, "html", post.ContentHtml);
        main["TextRows"] = AddChunkRows(rows, post.Id, "text", post.Text);
        rows.Add(main);
        return rows;
    }

    /// <summary>Rebuilds a post from all rows of its partition, or null when the main row is missing.</summary>
    public static Post? FromEntities(IReadOnlyList<TableEntity> rows)
    {
        var main = rows.FirstOrDefault(r => r.RowKey == MainRow);
        if (main is null)
        {
            return null;
        }

        return new Post
        {
            Id = main.PartitionKey,
            SourceId = main.GetString("SourceId") ?? "",
            SourceName = main.GetString("SourceName") ?? "",
            Title = main.GetString("Title") ?? "",
            Link = main.GetString("Link") ?? "",
            Authors = JsonColumn.Read<List<string>>(main.GetString("Authors"), []),
            Published = main.GetDateTimeOffset("Published") ?? default,
            Updated = main.GetDateTimeOffset("Updated"),
            FirstSeen = main.GetDateTimeOffset("FirstSeen") ?? default,
            Summary = main.GetString("Summary"),
            Summarizer = main.GetString("Summarizer"),
            SummaryRetry = main.GetBoolean("SummaryRetry") ?? false,
            Language = main.GetString("Language"),
            Categories = JsonColumn.Read<List<string>>(main.GetString("Categories"), []),
            Enclosures = JsonColumn.Read<List<StoredEnclosure>>(main.GetString("Enclosures"), []),
            Sources = JsonColumn.Read<List<PostSource>>(main.GetString("Sources"), []),
            Papers = JsonColumn.Read<List<PostPaper>>(main.GetString("Papers"), []),
            Fingerprint = unchecked((ulong)(main.GetInt64("Fingerprint") ?? 0)),
            ContentHtml = JoinChunkRows(rows, "html", main.GetInt32("HtmlRows") ?? 0),
            Text = JoinChunkRows(rows, "text", main.GetInt32("TextRows") ?? 0),
        };
    }

    private static int AddChunkRows(List<TableEntity> rows, string partitionKey, string name, string text)
    {
        var pieces = TextChunks.Split(text);
        var rowCount = 0;
        for (var first = 0; first < pieces.Count; first += TextChunks.PiecesPerRow)
        {
            var row = new TableEntity(partitionKey, $"{name}-{rowCount:D4}");
            TextChunks.Write(row, "P", pieces, first);
            rows.Add(row);
            rowCount++;
        }

        return rowCount;
    }

    private static string JoinChunkRows(IReadOnlyList<TableEntity> rows, string name, int rowCount)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < rowCount; i++)
        {
            var rowKey = $"{name}-{i:D4}";
            var row = rows.FirstOrDefault(r => r.RowKey == rowKey)
                ?? throw new InvalidDataException($"Post {rows[0].PartitionKey} is missing its content row {rowKey}.");
            TextChunks.ReadInto(row, "P", text);
        }

        return text.ToString();
    }
}
