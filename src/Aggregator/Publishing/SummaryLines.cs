namespace Aggregator.Publishing;

/// <summary>
/// A summary with a line saying what made it ("Extractive summary", "LLM summary (gpt-4o-mini)"), so a reader knows
/// whether a model wrote it; in Chinese ("摘要（抽取式）") when the summary is.
/// </summary>
internal static class SummaryLines
{
    public static string Text(string? summary, string? summarizer)
    {
        if (string.IsNullOrWhiteSpace(summary))
        {
            return "";
        }

        var attribution = Attribution(summarizer, TextLanguage.IsChinese(summary));
        return attribution is null ? summary.Trim() : $"{summary.Trim()}\n\n{attribution}";
    }

    public static string Html(string? summary, string? summarizer)
    {
        if (string.IsNullOrWhiteSpace(summary))
        {
            return "";
        }

        var attribution = Attribution(summarizer, TextLanguage.IsChinese(summary));
        var line = attribution is null ? "" : $"<p><small>{HtmlText.Escape(attribution)}</small></p>";
        return $"<p>{HtmlText.Escape(summary.Trim())}</p>{line}";
    }

    /// <summary>
    /// The label for a summarizer as recorded on posts and papers: "extractive", "source", "llm:MODEL", or a phrase
    /// such as "the paper's abstract"; null for none.
    /// </summary>
    internal static string? Attribution(string? summarizer, bool chinese)
    {
        if (string.IsNullOrWhiteSpace(summarizer))
        {
            return null;
        }

        var name = summarizer.Trim();
        if (name.Equals("extractive", StringComparison.OrdinalIgnoreCase))
        {
            return chinese ? "摘要（抽取式）" : "Extractive summary";
        }

        if (name.Equals("source", StringComparison.OrdinalIgnoreCase))
        {
            return chinese ? "摘要（来自原文）" : "Summary from the source";
        }

        if (name.Equals("the paper's abstract", StringComparison.OrdinalIgnoreCase))
        {
            return chinese ? "摘要（论文摘要）" : "The paper's abstract";
        }

        if (name.StartsWith("llm:", StringComparison.OrdinalIgnoreCase))
        {
            var model = name[4..].Trim();
            return model.Length == 0
                ? chinese ? "摘要（LLM）" : "LLM summary"
                : chinese ? $"摘要（LLM：{model}）" : $"LLM summary ({model})";
        }

        return chinese ? $"摘要（{name}）" : $"Summary by {name}";
    }
}
