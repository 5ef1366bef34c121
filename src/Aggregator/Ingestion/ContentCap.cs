using System.Net;
using Aggregator.Extraction;

namespace Aggregator.Ingestion;

/// <summary>
/// Keeps one oversized item from becoming every reader's problem: past the cap a post is stored as an excerpt of its
/// text and a link to the original, which stays one click away.
/// </summary>
internal static class ContentCap
{
    public static ExtractedArticle Apply(ExtractedArticle article, string link, int maxCharacters)
    {
        if (article.Text.Length <= maxCharacters && article.Html.Length <= maxCharacters * 4L)
        {
            return article;
        }

        var excerpt = article.Text.Length > maxCharacters ? article.Text[..maxCharacters] : article.Text;
        // Cutting sanitised markup could leave an open element around the rest of a feed page; the excerpt is text.
        var paragraphs = excerpt.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>");
        var html = string.Concat(paragraphs)
            + $"<p>… <a href=\"{WebUtility.HtmlEncode(link)}\">The post is longer than Aggregator keeps; read it whole at the source.</a></p>";
        return new ExtractedArticle
        {
            Html = html,
            Text = excerpt,
            Title = article.Title,
            Links = article.Links,
        };
    }
}
