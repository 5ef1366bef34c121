using System.Globalization;
using System.Text;
using Aggregator.Storage;

namespace Aggregator.Publishing;

/// <summary>
/// Builds the papers feed: one entry per distinct paper, keyed by the paper id, so a new mention updates the entry
/// (its updated date and coverage list) instead of adding another.
/// </summary>
internal sealed class PaperFeedBuilder
{
    public FeedDocument Build(IReadOnlyList<Paper> papers, FeedContext context, string title, string description)
    {
        var entries = new List<FeedEntry>(papers.Count);
        foreach (var paper in papers)
        {
            entries.Add(BuildEntry(paper));
        }

        return new FeedDocument
        {
            Title = title,
            Description = description,
            SelfUrl = context.SelfUrl,
            HomeUrl = context.BaseUrl + "/",
            StylesheetUrl = context.StylesheetUrl,
            Updated = papers.Count == 0 ? null : papers.Max(p => p.Updated),
            TtlMinutes = context.TtlMinutes,
            Entries = entries,
        };
    }

    private static FeedEntry BuildEntry(Paper paper)
    {
        var summary = paper.Summary ?? paper.Abstract;
        var summarizer = paper.Summary is not null ? paper.Summarizer : paper.Abstract is not null ? "the paper's abstract" : null;
        var summaryHtml = SummaryLines.Html(summary, summarizer);
        var ids = IdsOf(paper);

        var content = new StringBuilder(1024);
        content.Append(summaryHtml);
        if (paper.Authors.Count > 0)
        {
            content.Append("<p>Authors: ").Append(HtmlText.Escape(string.Join(", ", paper.Authors))).Append("</p>");
        }

        if (ids.Count > 0)
        {
            content.Append("<p>Ids: ");
            for (var i = 0; i < ids.Count; i++)
            {
                content.Append(i == 0 ? "" : ", ").Append(HtmlText.Link(ids[i].Url, ids[i].Label));
            }

            content.Append("</p>");
        }

        if (paper.CodeUrls.Count > 0)
        {
            content.Append("<p>Code: ");
            for (var i = 0; i < paper.CodeUrls.Count; i++)
            {
                content.Append(i == 0 ? "" : ", ").Append(HtmlText.Link(paper.CodeUrls[i], paper.CodeUrls[i]));
            }

            content.Append("</p>");
        }

        AppendCoverage(content, paper);
        var html = content.ToString();

        return new FeedEntry
        {
            Id = paper.Id,
            Title = paper.Title,
            Link = paper.CanonicalUrl,
            Published = paper.FirstSeen,
            Updated = paper.Updated,
            Authors = paper.Authors,
            SummaryText = SummaryLines.Text(summary, summarizer),
            // Everything here is written by us from escaped text, so the browser view can show all of it.
            SummaryHtml = html,
            ContentHtml = html,
            Categories = ids.Select(id => new FeedCategory(id.Label, null, "paper")).ToList(),
        };
    }

    private static void AppendCoverage(StringBuilder content, Paper paper)
    {
        if (paper.Coverage.Count == 0)
        {
            return;
        }

        var count = paper.SourceCount;
        content.Append("<p>Covered by ").Append(count.ToString(CultureInfo.InvariantCulture))
            .Append(count == 1 ? " source" : " sources").Append(":</p><ul>");
        foreach (var post in paper.Coverage.OrderBy(c => c.SeenAt))
        {
            content.Append("<li>").Append(HtmlText.Escape(post.SourceName)).Append(": ")
                .Append(HtmlText.Link(post.PostLink, post.PostTitle)).Append("</li>");
        }

        content.Append("</ul>");
    }

    private static List<(string Label, string Url)> IdsOf(Paper paper)
    {
        var ids = new List<(string, string)>(4);
        if (paper.ArxivId is not null)
        {
            ids.Add(($"arxiv:{paper.ArxivId}", $"https://arxiv.org/abs/{paper.ArxivId}"));
        }

        if (paper.Doi is not null)
        {
            ids.Add(($"doi:{paper.Doi}", $"https://doi.org/{paper.Doi}"));
        }

        if (paper.OpenReviewId is not null)
        {
            ids.Add(($"openreview:{paper.OpenReviewId}", $"https://openreview.net/forum?id={Uri.EscapeDataString(paper.OpenReviewId)}"));
        }

        if (paper.AclId is not null)
        {
            ids.Add(($"acl:{paper.AclId}", $"https://aclanthology.org/{paper.AclId}/"));
        }

        return ids;
    }
}
