using Azure.Data.Tables;

namespace Aggregator.Storage.Tables;

/// <summary>
/// One row of the newest-first index ("timeline" table): enough to filter by source, keyword and date without
/// reading the item itself, so the newest N items cost one range query plus N point reads.
/// </summary>
internal static class TimelineRow
{
    public const string PostsPartition = "posts";
    public const string PapersPartition = "papers";

    private const int MaxSummaryLength = 2_000;

    /// <summary>Newest first seen first; items first seen in the same run are ordered by their own date, newest first.</summary>
    public static string PostRowKey(Post post) =>
        $"{TableKeys.Inverted(post.FirstSeen)}-{TableKeys.Inverted(post.Published)}-{post.Id}";

    public static string PaperRowKey(Paper paper) => $"{TableKeys.Inverted(paper.FirstSeen)}-{paper.Id}";

    public static TableEntity ForPost(Post post) => new(PostsPartition, PostRowKey(post))
    {
        ["ItemId"] = post.Id,
        ["Title"] = post.Title,
        ["Summary"] = Cap(post.Summary),
        ["SourceIds"] = JoinSourceIds(post.Sources.Select(s => s.SourceId).Append(post.SourceId)),
    };

    public static TableEntity ForPaper(Paper paper) => new(PapersPartition, PaperRowKey(paper))
    {
        ["ItemId"] = paper.Id,
        ["Title"] = paper.Title,
        ["Summary"] = Cap(paper.Summary),
        ["SourceIds"] = JoinSourceIds(paper.Coverage.Select(c => c.SourceId)),
        ["SourceCount"] = paper.SourceCount,
    };

    /// <summary>The range filter for a partition, newest first, optionally only items first seen since a time.</summary>
    public static string Filter(string partition, DateTimeOffset? since) => since is { } from
        ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {TableKeys.Inverted(from) + "."}")
        : TableClient.CreateQueryFilter($"PartitionKey eq {partition}");

    public static bool Matches(TableEntity row, FeedQuery query)
    {
        if (query.SourceId is { } sourceId
            && !(row.GetString("SourceIds") ?? "").Contains($"|{sourceId}|", StringComparison.Ordinal))
        {
            return false;
        }

        if (query.MinSources is { } min && (row.GetInt32("SourceCount") ?? 0) < min)
        {
            return false;
        }

        if (query.Keyword is { Length: > 0 } keyword)
        {
            return (row.GetString("Title") ?? "").Contains(keyword, StringComparison.OrdinalIgnoreCase)
                || (row.GetString("Summary") ?? "").Contains(keyword, StringComparison.OrdinalIgnoreCase);
        }

        return true;
    }

    public static bool HasRowFilter(FeedQuery query) =>
        query.SourceId is not null || query.MinSources is not null || !string.IsNullOrEmpty(query.Keyword);

    private static string JoinSourceIds(IEnumerable<string> ids) =>
        "|" + string.Join("|", ids.Distinct(StringComparer.Ordinal)) + "|";

    private static string? Cap(string? text) =>
        text is { Length: > MaxSummaryLength } ? text[..MaxSummaryLength] : text;
}
