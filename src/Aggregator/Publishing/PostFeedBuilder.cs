using System.Text;
using Aggregator.Publishing.Images;
using Aggregator.Storage;

namespace Aggregator.Publishing;

/// <summary>Builds the posts feed: one entry per distinct post, with its summary, the papers it mentions and its other copies.</summary>
internal sealed class PostFeedBuilder(ImageUrlRewriter imageRewriter)
{
    public FeedDocument Build(IReadOnlyList<Post> posts, FeedContext context, string title, string description)
    {
        var entries = new List<FeedEntry>(posts.Count);
        foreach (var post in posts)
        {
            entries.Add(BuildEntry(post, context));
        }

        return new FeedDocument
        {
            Title = title,
            Description = description,
            SelfUrl = context.SelfUrl,
            HomeUrl = context.BaseUrl + "/",
            StylesheetUrl = context.StylesheetUrl,
            Updated = entries.Count == 0 ? null : posts.Max(p => Max(p.FirstSeen, p.Updated ?? p.Published)),
            TtlMinutes = context.TtlMinutes,
            Entries = entries,
        };
    }

    private FeedEntry BuildEntry(Post post, FeedContext context)
    {
        var summaryText = SummaryLines.Text(post.Summary, post.Summarizer);
        var summaryHtml = SummaryLines.Html(post.Summary, post.Summarizer);

        // What we write ourselves (papers, other copies) goes in the summary too: it is the part a browser view can show
        // without trusting the source's HTML.
        var extras = new StringBuilder(512);
        AppendPapers(extras, post.Papers);
        AppendOtherSources(extras, post);
        var content = string.Concat(summaryHtml, imageRewriter.Rewrite(post.ContentHtml, context.BaseUrl), extras.ToString());

        var categories = new List<FeedCategory>();
        foreach (var source in SourcesOf(post))
        {
            categories.Add(new FeedCategory(source.SourceId, source.SourceName, "source"));
        }

        foreach (var paper in post.Papers)
        {
            categories.Add(new FeedCategory(paper.PaperId, null, "paper"));
        }

        return new FeedEntry
        {
            Id = post.Id,
            Title = post.Title,
            Link = post.Link,
            Published = post.Published,
            Updated = post.Updated ?? post.Published,
            Authors = post.Authors.Count > 0 ? post.Authors : [post.SourceName],
            SummaryText = summaryText,
            SummaryHtml = summaryHtml + extras,
            ContentHtml = content,
            Categories = categories,
        };
    }

    private static void AppendPapers(StringBuilder content, IReadOnlyList<PostPaper> papers)
    {
        if (papers.Count == 0)
        {
            return;
        }

        content.Append("<h3>Papers</h3><ul>");
        foreach (var paper in papers)
        {
            content.Append("<li>").Append(HtmlText.Link(paper.Url, paper.Title)).Append("</li>");
        }

        content.Append("</ul>");
    }

    private static void AppendOtherSources(StringBuilder content, Post post)
    {
        var others = post.Sources
            .Where(s => !(s.SourceId == post.SourceId && s.Link == post.Link))
            .ToList();
        if (others.Count == 0)
        {
            return;
        }

        content.Append("<p>Also on: ");
        for (var i = 0; i < others.Count; i++)
        {
            content.Append(i == 0 ? "" : ", ").Append(HtmlText.Link(others[i].Link, others[i].SourceName));
        }

        content.Append("</p>");
    }

    /// <summary>Every source that carried the post, the first copy's source first, each once.</summary>
    private static IEnumerable<PostSource> SourcesOf(Post post)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { post.SourceId };
        yield return new PostSource(post.SourceId, post.SourceName, post.Link, post.FirstSeen);
        foreach (var source in post.Sources)
        {
            if (seen.Add(source.SourceId))
            {
                yield return source;
            }
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
