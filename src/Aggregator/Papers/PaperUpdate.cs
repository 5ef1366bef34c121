using Aggregator.Storage;

namespace Aggregator.Papers;

/// <summary>
/// The pure part of merging: what a stored paper becomes when a new mention arrives or another record of the same paper
/// is absorbed. Its updated date moves only when something a reader sees changes (a new post, version, id or code link).
/// </summary>
internal static class PaperUpdate
{
    public static Paper Apply(Paper paper, PaperMention mention, PaperCoverage coverage, DateTimeOffset now)
    {
        var codeUrls = paper.CodeUrls.Union(mention.CodeUrls, StringComparer.OrdinalIgnoreCase).ToList();
        var version = Max(paper.LatestArxivVersion, mention.ArxivVersion);
        var isNewCoverage = paper.Coverage.All(c => c.PostId != coverage.PostId);
        var updated = paper with
        {
            Title = IsPlaceholderTitle(paper) && mention.Title is { Length: > 0 } title ? title : paper.Title,
            ArxivId = paper.ArxivId ?? mention.ArxivId,
            Doi = paper.Doi ?? mention.Doi,
            OpenReviewId = paper.OpenReviewId ?? mention.OpenReviewId,
            AclId = paper.AclId ?? mention.AclId,
            LatestArxivVersion = version,
            Authors = paper.Authors.Count > 0 ? paper.Authors : mention.Authors,
            Abstract = paper.Abstract ?? mention.Abstract,
            CodeUrls = codeUrls,
            Coverage = isNewCoverage ? [.. paper.Coverage, coverage] : paper.Coverage,
            LastSeen = now,
        };

        var visibleChange = isNewCoverage
            || version != paper.LatestArxivVersion
            || codeUrls.Count != paper.CodeUrls.Count
            || updated.ArxivId != paper.ArxivId || updated.Doi != paper.Doi
            || updated.OpenReviewId != paper.OpenReviewId || updated.AclId != paper.AclId;
        return visibleChange ? updated with { Updated = now } : updated;
    }

    /// <summary>Folds another stored record of the same paper into this one, keeping this one's id and first-seen time.</summary>
    public static Paper Absorb(Paper survivor, Paper absorbed) => Fold(WithMetadataOf(survivor, absorbed), absorbed);

    private static Paper Fold(Paper survivor, Paper absorbed) => survivor with
    {
        ArxivId = survivor.ArxivId ?? absorbed.ArxivId,
        Doi = survivor.Doi ?? absorbed.Doi,
        OpenReviewId = survivor.OpenReviewId ?? absorbed.OpenReviewId,
        AclId = survivor.AclId ?? absorbed.AclId,
        LatestArxivVersion = Max(survivor.LatestArxivVersion, absorbed.LatestArxivVersion),
        Authors = survivor.Authors.Count > 0 ? survivor.Authors : absorbed.Authors,
        Abstract = survivor.Abstract ?? absorbed.Abstract,
        Summary = survivor.Summary ?? absorbed.Summary,
        Summarizer = survivor.Summary is null ? absorbed.Summarizer : survivor.Summarizer,
        CodeUrls = survivor.CodeUrls.Union(absorbed.CodeUrls, StringComparer.OrdinalIgnoreCase).ToList(),
        Coverage = survivor.Coverage.Concat(absorbed.Coverage).DistinctBy(c => c.PostId).OrderBy(c => c.SeenAt).ToList(),
        LastSeen = survivor.LastSeen > absorbed.LastSeen ? survivor.LastSeen : absorbed.LastSeen,
    };

    /// <summary>
    /// Canonical metadata wins over what posts said, and arXiv's over an OpenReview note's: when the absorbed record's
    /// words come from a better source (<see cref="Paper.MetadataSource"/>), its title, authors and abstract replace
    /// the survivor's; what each service answered stays answered.
    /// </summary>
    private static Paper WithMetadataOf(Paper survivor, Paper absorbed)
    {
        var lookup = survivor.Lookup with
        {
            ArxivFetched = survivor.Lookup.ArxivFetched ?? (survivor.ArxivId is null || survivor.ArxivId == absorbed.ArxivId ? absorbed.Lookup.ArxivFetched : null),
            OpenReviewFetched = survivor.Lookup.OpenReviewFetched ?? (survivor.OpenReviewId is null || survivor.OpenReviewId == absorbed.OpenReviewId ? absorbed.Lookup.OpenReviewFetched : null),
            TitleSearched = survivor.Lookup.TitleSearched ?? absorbed.Lookup.TitleSearched,
            OpenReviewNote = survivor.Lookup.OpenReviewNote || absorbed.Lookup.OpenReviewNote && (survivor.OpenReviewId is null || survivor.OpenReviewId == absorbed.OpenReviewId),
        };
        var merged = survivor with
        {
            PrimaryCategory = survivor.PrimaryCategory ?? absorbed.PrimaryCategory,
            FirstVersionDate = survivor.FirstVersionDate ?? absorbed.FirstVersionDate,
            Venue = survivor.Venue ?? absorbed.Venue,
            PdfUrl = survivor.PdfUrl ?? absorbed.PdfUrl,
            Lookup = lookup,
        };
        return absorbed.MetadataSource <= survivor.MetadataSource
            ? merged
            : merged with { Title = absorbed.Title, Authors = absorbed.Authors.Count > 0 ? absorbed.Authors : survivor.Authors, Abstract = absorbed.Abstract ?? survivor.Abstract };
    }

    /// <summary>Every key a stored paper is known by.</summary>
    public static IEnumerable<PaperKey> KeysOf(Paper paper)
    {
        if (paper.ArxivId is { } arxiv)
        {
            yield return new PaperKey(PaperKeyKind.Arxiv, arxiv);
        }

        if (paper.Doi is { } doi)
        {
            yield return new PaperKey(PaperKeyKind.Doi, doi);
        }

        if (paper.OpenReviewId is { } openReview)
        {
            yield return new PaperKey(PaperKeyKind.OpenReview, openReview);
        }

        if (paper.AclId is { } acl)
        {
            yield return new PaperKey(PaperKeyKind.Acl, acl);
        }

        if (!IsPlaceholderTitle(paper) && PaperTitle.KeyFor(paper.Title) is { } titleKey)
        {
            yield return titleKey;
        }
    }

    /// <summary>No title yet: empty, or the key the paper was first seen with ("arxiv:2305.18290").</summary>
    internal static bool IsPlaceholderTitle(Paper paper) =>
        string.IsNullOrWhiteSpace(paper.Title) || paper.Title.Contains(':', StringComparison.Ordinal) && paper.Title.Split(':')[0] is "arxiv" or "doi" or "openreview" or "acl";

    private static int? Max(int? a, int? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
}
