using Azure.Data.Tables;

namespace Aggregator.Storage.Tables;

/// <summary>
/// Maps a <see cref="Post"/> to its partition: the "post-ID" row with the metadata, then "html-ID-NNNN" and
/// "text-ID-NNNN" rows holding the content in property-sized pieces (see <see cref="TextChunks"/>).
/// </summary>
/// <remarks>
/// Row keys carry the post id although the partition already does: Azurite finds a row through its row-key index
/// alone, so a row key every partition shares ("post") made each point read and insert scan every post.
/// </remarks>
internal static class PostEntityMapper
{
    public static string MainRowKey(string postId) => "post-" + postId;

    public static string ChunkRowKey(string postId, string name, int index) => $"{name}-{postId}-{index:D4}";

    public static List<TableEntity> ToEntities(Post post)
    {
        var main = new TableEntity(post.Id, MainRowKey(post.Id))
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
        var main = rows.FirstOrDefault(r => r.RowKey == MainRowKey(r.PartitionKey));
        if (main is null)
        {
            return null;
        }

        return new Post
        {
            Id = main.PartitionKey,
            StoreVersion = main.ETag.ToString(),
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
            ContentHtml = JoinChunkRows(rows, main.PartitionKey, "html", main.GetInt32("HtmlRows") ?? 0),
            Text = JoinChunkRows(rows, main.PartitionKey, "text", main.GetInt32("TextRows") ?? 0),
        };
    }

    /// <summary>The content row keys a main row says follow it, so a post is read with point reads only.</summary>
    public static IEnumerable<string> ChunkRowKeys(TableEntity main)
    {
        var postId = main.PartitionKey;
        var html = Enumerable.Range(0, main.GetInt32("HtmlRows") ?? 0).Select(i => ChunkRowKey(postId, "html", i));
        var text = Enumerable.Range(0, main.GetInt32("TextRows") ?? 0).Select(i => ChunkRowKey(postId, "text", i));
        return html.Concat(text);
    }

    private static int AddChunkRows(List<TableEntity> rows, string postId, string name, string text)
    {
        var chunks = TextChunks.ToRows(postId, i => ChunkRowKey(postId, name, i), text);
        rows.AddRange(chunks);
        return chunks.Count;
    }

    private static string JoinChunkRows(IReadOnlyList<TableEntity> rows, string postId, string name, int rowCount) =>
        TextChunks.FromRows(rows, i => ChunkRowKey(postId, name, i), rowCount);
}
