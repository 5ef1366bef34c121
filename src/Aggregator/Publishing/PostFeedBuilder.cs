using System.Text;
using Aggregator.Publishing.Images;
using Aggregator.Storage;

namespace Aggregator.Publishing;

/// <summary>
/// Builds the posts feed: one entry per distinct post, with its summary, the papers it mentions and its other copies.
/// Papers are listed as they are stored now (canonical title, merged id), not as the post first saw them: a post stored
/// before its paper had a title would otherwise show "arxiv:2305.18290" for ever.
/// </summary>
internal sealed class PostFeedBuilder(ImageUrlRewriter imageRewriter, IPaperStore paperStore)
{
    /// <summary>Reads the papers the posts mention (each once; merged ids follow their redirect), then builds.</summary>
    public async Task<FeedDocument> BuildAsync(IReadOnlyList<Post> posts, FeedContext context, string title, string description, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var papers = new System.Collections.Concurrent.ConcurrentDictionary<string, Paper>(StringComparer.Ordinal);
        var ids = posts.SelectMany(p => p.Papers).Select(p => p.PaperId).Distinct(StringComparer.Ordinal).ToList();
        // Point reads, a few at a time: a page of posts names a hundred papers or so, and the render is cached per data version.
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (id, ct) =>
        {
            if (await paperStore.GetAsync(id, ct).ConfigureAwait(false) is { } paper)
            {
                papers[id] = paper;
            }
        }).ConfigureAwait(false);

        return Build(posts, papers, context, title, description);
    }

    /// <param name="papers">Stored papers by the id a post recorded; a post's paper missing here is listed as the post saw it.</param>
    public FeedDocument Build(IReadOnlyList<Post> posts, IReadOnlyDictionary<string, Paper> papers, FeedContext context, string title, string description)
    {
        var entries = new List<FeedEntry>(posts.Count);
        foreach (var post in posts)
        {
            entries.Add(BuildEntry(post, PapersOf(post, papers), context));
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

    /// <summary>The post's papers as stored now, each once (two recorded ids can have merged into one paper).</summary>
    private static List<(PostPaper Listed, FeedCategory Category)> PapersOf(Post post, IReadOnlyDictionary<string, Paper> papers)
    {
        var result = new List<(PostPaper, FeedCategory)>(post.Papers.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var listed in post.Papers)
        {
            if (papers.TryGetValue(listed.PaperId, out var paper))
            {
                if (seen.Add(paper.Id))
                {
                    result.Add((new PostPaper(paper.Id, paper.Title, paper.CanonicalUrl), FeedCategory.ForPaper(paper)));
                }
            }
            else if (seen.Add(listed.PaperId))
            {
                result.Add((listed, FeedCategory.ForPaper(listed)));
            }
        }

        return result;
    }

    private FeedEntry BuildEntry(Post post, List<(PostPaper Listed, FeedCategory Category)> papers, FeedContext context)
    {
        var summaryText = SummaryLines.Text(post.Summary, post.Summarizer);
        var summaryHtml = SummaryLines.Html(post.Summary, post.Summarizer);

        // What we write ourselves (papers, other copies) goes in the summary too: it is the part a browser view can show
        // without trusting the source's HTML.
        var extras = new StringBuilder(512);
        AppendPapers(extras, papers.Select(p => p.Listed).ToList());
        AppendOtherSources(extras, post);
        var content = string.Concat(summaryHtml, imageRewriter.Rewrite(post.ContentHtml, context.BaseUrl), extras.ToString());

        var categories = new List<FeedCategory>();
        foreach (var source in SourcesOf(post))
        {
            categories.Add(new FeedCategory(source.SourceId, source.SourceName, "source"));
        }

        categories.AddRange(papers.Select(p => p.Category));

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
