using System.Globalization;
using System.Text;
using Aggregator.Storage;
using Aggregator.Summaries;

namespace Aggregator.Publishing;

/// <summary>
/// Builds the papers feed: one entry per distinct paper, keyed by the paper id, so a new mention updates the entry
/// (its updated date and coverage list) instead of adding another.
/// </summary>
internal sealed class PaperFeedBuilder
{
    /// <summary>Longer abstracts are cut at the last sentence end that fits (or a word), so an item stays an item.</summary>
    public const int AbstractLength = 600;

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
        // A summary a post gave or a model wrote leads; the abstract, cut to the length of a feed item, beats a mere
        // extract of some post's text.
        var postSummary = paper.Summary is not null && !(paper.Abstract is not null && paper.Summarizer == ExtractiveSummarizer.Name);
        var summary = postSummary ? paper.Summary : Excerpt(paper.Abstract);
        var summarizer = postSummary ? paper.Summarizer : paper.Abstract is not null ? "the paper's abstract" : null;
        var summaryHtml = SummaryLines.Html(summary, summarizer);

        var content = new StringBuilder(2048);
        content.Append(summaryHtml);
        if (paper.Authors.Count > 0)
        {
            content.Append("<p>Authors: ").Append(HtmlText.Escape(string.Join(", ", paper.Authors))).Append("</p>");
        }

        if (postSummary && Excerpt(paper.Abstract) is { } excerpt)
        {
            content.Append("<p>Abstract: ").Append(HtmlText.Escape(excerpt)).Append("</p>");
        }

        AppendFacts(content, paper);
        AppendLinks(content, paper);
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
            Categories = [FeedCategory.ForPaper(paper)],
        };
    }

    private static string? Excerpt(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (text.Length <= AbstractLength)
        {
            return text;
        }

        var cut = text[..AbstractLength];
        var sentence = cut.LastIndexOfAny(['.', '。', '!', '?', '！', '？']);
        if (sentence >= AbstractLength / 2)
        {
            return cut[..(sentence + 1)] + " …";
        }

        var space = cut.LastIndexOf(' ');
        return (space >= AbstractLength / 2 ? cut[..space] : cut).TrimEnd() + " …";
    }

    private static void AppendFacts(StringBuilder content, Paper paper)
    {
        var facts = new List<string>(3);
        if (paper.Venue is { Length: > 0 } venue)
        {
            facts.Add("Venue: " + HtmlText.Escape(venue));
        }

        if (paper.PrimaryCategory is { Length: > 0 } category)
        {
            facts.Add("arXiv category: " + HtmlText.Escape(category));
        }

        if (paper.FirstVersionDate is { } date)
        {
            facts.Add("First version: " + date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (facts.Count > 0)
        {
            content.Append("<p>").Append(string.Join(" · ", facts)).Append("</p>");
        }
    }

    /// <summary>Where to read it: arXiv abs, the PDF, the OpenReview forum, DOI and ACL pages, then code.</summary>
    private static void AppendLinks(StringBuilder content, Paper paper)
    {
        var links = LinksOf(paper);
        if (links.Count > 0)
        {
            content.Append("<p>Links: ");
            for (var i = 0; i < links.Count; i++)
            {
                content.Append(i == 0 ? "" : ", ").Append(HtmlText.Link(links[i].Url, links[i].Label));
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

    private static List<(string Label, string Url)> LinksOf(Paper paper)
    {
        var links = new List<(string, string)>(5);
        if (paper.ArxivId is not null)
        {
            links.Add(($"arXiv:{paper.ArxivId}", $"https://arxiv.org/abs/{paper.ArxivId}"));
        }

        if (paper.PdfUrl is { Length: > 0 } pdf)
        {
            links.Add(("PDF", pdf));
        }

        if (paper.OpenReviewId is not null)
        {
            links.Add(("OpenReview forum", $"https://openreview.net/forum?id={Uri.EscapeDataString(paper.OpenReviewId)}"));
        }

        if (paper.Doi is not null)
        {
            links.Add(($"doi:{paper.Doi}", $"https://doi.org/{paper.Doi}"));
        }

        if (paper.AclId is not null)
        {
            links.Add(($"ACL:{paper.AclId}", $"https://aclanthology.org/{paper.AclId}/"));
        }

        return links;
    }
}
