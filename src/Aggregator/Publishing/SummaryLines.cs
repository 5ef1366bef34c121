namespace Aggregator.Publishing;

/// <summary>A summary with its attribution ("Summary by llm:gpt-4o-mini"), so a reader knows whether a model wrote it.</summary>
internal static class SummaryLines
{
    public static string Text(string? summary, string? summarizer)
    {
        if (string.IsNullOrWhiteSpace(summary))
        {
            return "";
        }

        return string.IsNullOrWhiteSpace(summarizer) ? summary.Trim() : $"{summary.Trim()}\n\nSummary by {summarizer}";
    }

    public static string Html(string? summary, string? summarizer)
    {
        if (string.IsNullOrWhiteSpace(summary))
        {
            return "";
        }

        var attribution = string.IsNullOrWhiteSpace(summarizer) ? "" : $"<p><small>Summary by {HtmlText.Escape(summarizer)}</small></p>";
        return $"<p>{HtmlText.Escape(summary.Trim())}</p>{attribution}";
    }
}
