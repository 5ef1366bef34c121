using System.Net;
using System.Text.RegularExpressions;

namespace Aggregator.Summaries;

/// <summary>
/// Turns a model's reply into a plain-text summary, and decides whether it is one at all: a reply that is empty, too
/// short, in the wrong language, echoes the prompt markers, or shares almost no vocabulary with the post is taken as a
/// model that followed something other than our instructions (an injection in the post, a refusal) and is rejected.
/// </summary>
internal static partial class LlmOutput
{
    /// <summary>Share of the reply's terms that must occur in the post when both are in the same language.</summary>
    private const double MinSourceOverlap = 0.25;

    /// <summary>Strips markup (HTML, markdown emphasis, headings, lists, code fences, links, URLs) and preambles.</summary>
    public static string Clean(string? reply)
    {
        if (string.IsNullOrWhiteSpace(reply))
        {
            return "";
        }

        var text = CodeFence().Replace(reply, "\n");
        text = HtmlTag().Replace(text, " ");
        text = WebUtility.HtmlDecode(text);
        text = MarkdownImage().Replace(text, " ");
        text = MarkdownLink().Replace(text, "$1");
        text = Url().Replace(text, " ");
        text = Heading().Replace(text, "");
        text = ListMarker().Replace(text, "");
        text = Emphasis().Replace(text, "");
        text = Preamble().Replace(text, "");
        text = Whitespace().Replace(text, " ").Trim();
        return SpaceBetweenCjk().Replace(text, "$1");
    }

    /// <summary>True when <paramref name="summary"/> reads as a summary of <paramref name="source"/> in <paramref name="language"/>.</summary>
    public static bool IsAcceptable(string summary, string language, string sourceLanguage, string source)
    {
        if (summary.Contains(LlmPrompt.OpenMarker, StringComparison.OrdinalIgnoreCase)
            || summary.Contains(LlmPrompt.CloseMarker, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (language is not (LanguageDetector.Chinese or LanguageDetector.English))
        {
            // Only Chinese and English can be verified; for another requested language, just require some text.
            return summary.Length >= 10;
        }

        var minimum = language == LanguageDetector.Chinese ? 10 : 5;
        if (SummaryLength.Measure(summary, language) < minimum || LanguageDetector.Detect(summary) != language)
        {
            return false;
        }

        // A faithful summary reuses the post's words; a reply obeying an injected instruction does not. Only checkable
        // when both are in one language.
        return language != sourceLanguage || TermVector.Of(summary).Coverage(TermVector.Of(source)) >= MinSourceOverlap;
    }

    [GeneratedRegex(@"^\s*(?:```|~~~).*$", RegexOptions.Multiline)]
    private static partial Regex CodeFence();

    [GeneratedRegex(@"</?[A-Za-z][^<>]*>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex MarkdownImage();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    /// <summary>A markdown heading is a title the model added ("## Summary"), not part of the summary: the line goes.</summary>
    [GeneratedRegex(@"^[ \t]{0,3}#{1,6}(?:[ \t].*)?$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^[ \t]*(?:[-*+•]|\d{1,2}[.)、])[ \t]+", RegexOptions.Multiline)]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"\*\*|__|~~|`|(?<!\w)\*|\*(?!\w)")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"^\s*(?:summary|tl;dr|摘要|总结|概要)\s*[:：]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Preamble();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"([\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]) (?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])")]
    private static partial Regex SpaceBetweenCjk();
}
