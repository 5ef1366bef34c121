using Aggregator.AzureStorage.Tables;

namespace Aggregator.Storage.Tables;

/// <summary>
/// Maps a <see cref="Paper"/> to its partition of the "papers" table: the "paper" row, and one "coverage-POSTID" row
/// per post that covered it, so a popular paper never outgrows an entity and a new mention is one upsert.
/// </summary>
internal static class PaperEntityMapper
{
    public const string MainRow = "paper";
    public const string CoveragePrefix = "coverage-";

    // Property-sized: abstracts are short, but nothing from a source may break a write.
    private const int MaxTextLength = TextChunks.PieceLength;

    public static TableEntity ToMainRow(Paper paper)
    {
        var row = new TableEntity(paper.Id, MainRow)
        {
            ["Title"] = Cap(paper.Title),
            ["Authors"] = JsonColumn.Write(paper.Authors),
            ["ArxivId"] = paper.ArxivId,
            ["Doi"] = paper.Doi,
            ["OpenReviewId"] = paper.OpenReviewId,
            ["AclId"] = paper.AclId,
            ["CodeUrls"] = JsonColumn.Write(paper.CodeUrls),
            ["Abstract"] = Cap(paper.Abstract),
            ["Summary"] = Cap(paper.Summary),
            ["Summarizer"] = paper.Summarizer,
            ["FirstSeen"] = paper.FirstSeen,
            ["LastSeen"] = paper.LastSeen,
            ["Updated"] = paper.Updated,
        };
        if (paper.LatestArxivVersion is { } version)
        {
            row["LatestArxivVersion"] = version;
        }

        return row;
    }

    public static TableEntity ToCoverageRow(string paperId, PaperCoverage coverage) => new(paperId, CoveragePrefix + coverage.PostId)
    {
        ["PostId"] = coverage.PostId,
        ["SourceId"] = coverage.SourceId,
        ["SourceName"] = coverage.SourceName,
        ["PostTitle"] = Cap(coverage.PostTitle),
        ["PostLink"] = coverage.PostLink,
        ["SeenAt"] = coverage.SeenAt,
    };

    public static Paper FromRows(TableEntity main, IEnumerable<TableEntity> coverageRows) => new()
    {
        Id = main.PartitionKey,
        Title = main.GetString("Title") ?? "",
        Authors = JsonColumn.Read<List<string>>(main.GetString("Authors"), []),
        ArxivId = main.GetString("ArxivId"),
        LatestArxivVersion = main.GetInt32("LatestArxivVersion"),
        Doi = main.GetString("Doi"),
        OpenReviewId = main.GetString("OpenReviewId"),
        AclId = main.GetString("AclId"),
        CodeUrls = JsonColumn.Read<List<string>>(main.GetString("CodeUrls"), []),
        Abstract = main.GetString("Abstract"),
        Summary = main.GetString("Summary"),
        Summarizer = main.GetString("Summarizer"),
        FirstSeen = main.GetDateTimeOffset("FirstSeen") ?? default,
        LastSeen = main.GetDateTimeOffset("LastSeen") ?? default,
        Updated = main.GetDateTimeOffset("Updated") ?? default,
        Coverage = coverageRows
            .Select(r => new PaperCoverage(
                r.GetString("PostId") ?? "",
                r.GetString("SourceId") ?? "",
                r.GetString("SourceName") ?? "",
                r.GetString("PostTitle") ?? "",
                r.GetString("PostLink") ?? "",
                r.GetDateTimeOffset("SeenAt") ?? default))
            .OrderBy(c => c.SeenAt)
            .ToList(),
    };

    private static string? Cap(string? text) => text is { Length: > MaxTextLength } ? text[..MaxTextLength] : text;
}
