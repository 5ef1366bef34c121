using Aggregator.Papers;

namespace Aggregator.Summaries;

/// <summary>
/// Chooses a paper's summary, preferring what the post already carries: its ready-made summary ("Summary:",
/// "AI 摘要"), else the paper's abstract cut to the summary length in whole sentences — both credited to "source" —
/// else an extractive summary of the part of the post about the paper. The post's own words beat ours: they were
/// written by someone who read the paper.
/// </summary>
public sealed class PaperSummaryPicker
{
    public const string SourceSummarizer = "source";

    private readonly ExtractiveSummarizer extractive;
    private readonly SummaryOptions options;

    public PaperSummaryPicker(ExtractiveSummarizer extractive, SummaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(extractive);
        this.extractive = extractive;
        this.options = options ?? new SummaryOptions();
    }

    /// <summary>The summary for <paramref name="mention"/>, or null when the post says nothing usable about it.</summary>
    public Summary? Pick(PaperMention mention, string? languageHint = null)
    {
        ArgumentNullException.ThrowIfNull(mention);
        if (!string.IsNullOrWhiteSpace(mention.ReadySummary))
        {
            return FromSource(mention.ReadySummary, languageHint);
        }

        if (!string.IsNullOrWhiteSpace(mention.Abstract))
        {
            return FromSource(mention.Abstract, languageHint);
        }

        if (!string.IsNullOrWhiteSpace(mention.Context))
        {
            var summary = extractive.Summarize(mention.Title ?? "", mention.Context, languageHint);
            return summary.Text.Length > 0 ? summary : null;
        }

        return null;
    }

    /// <summary>The source's text, whole sentences up to the cap (the first one cut with "…" if it alone is too long).</summary>
    private Summary FromSource(string text, string? languageHint)
    {
        var language = LanguageDetector.Resolve(languageHint, text);
        var sentences = SentenceSplitter.Split(text).Where(s => !BoilerplateSentence.IsBoilerplate(s)).ToList();
        return new Summary(SummaryLength.LeadingSentences(sentences, language, options), SourceSummarizer, language);
    }
}
