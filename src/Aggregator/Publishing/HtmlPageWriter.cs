using System.Globalization;
using System.Text;

namespace Aggregator.Publishing;

/// <summary>
/// The feed as a page for a person in a browser, written on the server from the same sanitised entries the feeds carry
/// (no XSLT, which browsers are dropping): each item in its own language, its summary and papers, the full text folded
/// away, and the URL to subscribe to with a button that copies it. Text is HTML-encoded here; entry HTML was sanitised
/// by <see cref="FeedDocumentSanitizer"/>.
/// </summary>
internal static class HtmlPageWriter
{
    public const string ContentType = "text/html; charset=utf-8";

    public const string SubscribeHint = "Subscribe: copy this URL into your feed reader";

    public static byte[] Write(FeedDocument feed, HtmlPageLinks links)
    {
        var html = new StringBuilder(32 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">")
            .Append("<title>").Append(HtmlText.Escape(feed.Title)).Append("</title>");
        foreach (var alternate in links.Alternates)
        {
            html.Append("<link rel=\"alternate\" type=\"").Append(alternate.MediaType).Append("\" title=\"")
                .Append(HtmlText.Escape(alternate.Label)).Append("\" href=\"").Append(HtmlText.Escape(alternate.Url)).Append("\">");
        }

        html.Append("<style>").Append(HtmlPageAssets.Style).Append("</style></head><body><header>")
            .Append("<nav><a href=\"").Append(HtmlText.Escape(links.PostsUrl)).Append("\">Posts · 文章</a>")
            .Append("<a href=\"").Append(HtmlText.Escape(links.PapersUrl)).Append("\">Papers · 论文</a></nav>")
            .Append("<h1>").Append(HtmlText.Escape(feed.Title)).Append("</h1>")
            .Append("<p class=\"muted\">").Append(HtmlText.Escape(feed.Description)).Append("</p>");
        AppendSubscribe(html, links);
        html.Append("</header><main>");

        if (feed.Entries.Count == 0)
        {
            html.Append("<p class=\"muted\">Nothing here yet · 暂无内容</p>");
        }

        foreach (var entry in feed.Entries)
        {
            AppendEntry(html, entry);
        }

        html.Append("</main><footer class=\"muted\"><p>")
            .Append(feed.Entries.Count.ToString(CultureInfo.InvariantCulture)).Append(" items");
        if (feed.Updated is { } updated)
        {
            html.Append(", updated ").Append(Time(updated));
        }

        html.Append(". Also as ");
        for (var i = 0; i < links.Alternates.Count; i++)
        {
            html.Append(i == 0 ? "" : ", ").Append(HtmlText.Link(links.Alternates[i].Url, links.Alternates[i].Label));
        }

        html.Append(".</p></footer><script>").Append(HtmlPageAssets.Script).Append("</script></body></html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private static void AppendSubscribe(StringBuilder html, HtmlPageLinks links)
    {
        html.Append("<section class=\"subscribe\"><label for=\"subscribe-url\">").Append(SubscribeHint)
            .Append(" · 订阅：把这个网址复制到阅读器</label><div>")
            .Append("<input id=\"subscribe-url\" type=\"url\" readonly value=\"").Append(HtmlText.Escape(links.SubscribeUrl)).Append("\">")
            .Append("<button type=\"button\" id=\"copy-subscribe-url\" data-copy=\"subscribe-url\" data-done=\"Copied · 已复制\">Copy · 复制</button>")
            .Append("</div></section>");
    }

    private static void AppendEntry(StringBuilder html, FeedEntry entry)
    {
        html.Append("<article");
        if (entry.Language is { Length: > 0 } language)
        {
            html.Append(" lang=\"").Append(HtmlText.Escape(language)).Append('"');
        }

        html.Append("><h2>").Append(HtmlText.Link(entry.Link, entry.Title)).Append("</h2><p class=\"meta\">");
        var sources = entry.Categories.Where(c => c.Scheme == "source").Select(c => c.Display).ToList();
        if (sources.Count > 0)
        {
            html.Append(HtmlText.Escape(string.Join(" · ", sources))).Append(" — ");
        }

        html.Append(Time(entry.Published));
        // A post without authors is credited to its source, which the line already names.
        if (entry.Authors.Count > 0 && !entry.Authors.All(sources.Contains))
        {
            html.Append(" — ").Append(HtmlText.Escape(string.Join(", ", entry.Authors)));
        }

        html.Append("</p>");
        if (entry.SummaryHtml.Length > 0)
        {
            html.Append("<div class=\"summary\">").Append(entry.SummaryHtml).Append("</div>");
        }

        if (entry.ContentHtml.Length > 0 && entry.ContentHtml != entry.SummaryHtml)
        {
            html.Append("<details><summary>")
                .Append(entry.Language == TextLanguage.Chinese ? "全文" : "Full text")
                .Append("</summary><div class=\"content\">").Append(entry.ContentHtml).Append("</div></details>");
        }

        var papers = entry.Categories.Where(c => c.Scheme == "paper").ToList();
        if (papers.Count > 0)
        {
            html.Append("<ul class=\"tags\">");
            foreach (var paper in papers)
            {
                html.Append("<li>").Append(HtmlText.Escape(paper.Display)).Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("</article>");
    }

    private static string Time(DateTimeOffset value) =>
        $"<time datetime=\"{FeedXml.Rfc3339(value)}\">{value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}</time>";
}
