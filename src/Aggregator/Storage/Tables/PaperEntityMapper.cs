using Aggregator.Papers;
using Azure.Data.Tables;

namespace Aggregator.Storage.Tables;

/// <summary>
/// Maps a <see cref="Paper"/> to its partition of the "papers" table: the "paper-ID" row, and the list of posts that
/// covered it as JSON in "coverage-ID-NNNN" rows (hundreds of posts to a row), so a popular paper never outgrows
/// an entity and reading a paper is two point reads.
/// </summary>
/// <remarks>Row keys carry the paper id for the reason given on <see cref="PostEntityMapper"/>.</remarks>
internal static class PaperEntityMapper
{
    public static string MainRowKey(string paperId) => "paper-" + paperId;

    public static string CoverageRowKey(string paperId, int index) => $"coverage-{paperId}-{index:D4}";

    /// <summary>When the paper is next due for a metadata lookup; absent when nothing is left to ask.</summary>
    public const string LookupDueColumn = "LookupDue";

    // Property-sized: abstracts are short, but nothing from a source may break a write.
    private const int MaxTextLength = TextChunks.PieceLength;

    private static TableEntity ToMainRow(Paper paper)
    {
        var row = new TableEntity(paper.Id, MainRowKey(paper.Id))
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
            ["PrimaryCategory"] = paper.PrimaryCategory,
            ["FirstVersionDate"] = paper.FirstVersionDate,
            ["Venue"] = Cap(paper.Venue),
            ["PdfUrl"] = Cap(paper.PdfUrl),
            ["Lookup"] = JsonColumn.Write(paper.Lookup),
            // Derived, so the enrichment queue is one filtered query (LookupDue le now) rather than a scan of every paper.
            [LookupDueColumn] = PaperLookupNeeds.DueAt(paper),
        };
        if (paper.LatestArxivVersion is { } version)
        {
            row["LatestArxivVersion"] = version;
        }

        return row;
    }

    /// <summary>The coverage rows, then the main row last: written in that order, the main row is the commit point.</summary>
    public static List<TableEntity> ToRows(Paper paper)
    {
        var rows = TextChunks.ToRows(paper.Id, i => CoverageRowKey(paper.Id, i), JsonColumn.Write(paper.Coverage));
        var main = ToMainRow(paper);
        main["CoverageRows"] = rows.Count;
        rows.Add(main);
        return rows;
    }

    public static IEnumerable<string> CoverageRowKeys(TableEntity main) =>
        Enumerable.Range(0, main.GetInt32("CoverageRows") ?? 0).Select(i => CoverageRowKey(main.PartitionKey, i));

    public static Paper FromRows(TableEntity main, IReadOnlyList<TableEntity> coverageRows) => new()
    {
        Id = main.PartitionKey,
        StoreVersion = main.ETag.ToString(),
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
        PrimaryCategory = main.GetString("PrimaryCategory"),
        FirstVersionDate = main.GetDateTimeOffset("FirstVersionDate"),
        Venue = main.GetString("Venue"),
        PdfUrl = main.GetString("PdfUrl"),
        Lookup = JsonColumn.Read(main.GetString("Lookup"), PaperLookup.None),
        Coverage = JsonColumn.Read<List<PaperCoverage>>(
                TextChunks.FromRows([main, .. coverageRows], i => CoverageRowKey(main.PartitionKey, i), main.GetInt32("CoverageRows") ?? 0), [])
            .OrderBy(c => c.SeenAt)
            .ToList(),
    };

    private static string? Cap(string? text) => text is { Length: > MaxTextLength } ? text[..MaxTextLength] : text;
}
