using System.Globalization;
using System.Text.RegularExpressions;

namespace Aggregator.Papers;

/// <summary>A version-less arXiv id and the version the post named, if any.</summary>
internal readonly record struct ArxivId(string Id, int? Version);

/// <summary>
/// Recognises arXiv ids: new style "2406.05946" (4-digit numbers 0704–1412, 5-digit from 1501), old style
/// "hep-th/9901001" (a subject class such as "math.GT/0309136" is dropped: "math/0309136" is the canonical id), in arXiv
/// URLs and in text. A bare number counts only in the 5-digit form or next to the word arXiv, so dates, prices and
/// version strings do not.
/// </summary>
internal static partial class ArxivIds
{
    private const string Archives =
        "astro-ph|cond-mat|gr-qc|hep-ex|hep-lat|hep-ph|hep-th|math-ph|nlin|nucl-ex|nucl-th|physics|quant-ph|math|cs|q-bio|q-fin|stat|eess|econ|chao-dyn|solv-int|patt-sol|adap-org|comp-gas|cmp-lg|alg-geom|funct-an|q-alg|dg-ga|chem-ph|atom-ph|plasm-ph|ao-sci|acc-phys|bayes-an|supr-con|mtrl-th";

    [GeneratedRegex(@"^(?<yy>\d{2})(?<mm>\d{2})\.(?<n>\d{4,5})(?:v(?<v>\d{1,3}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex NewStyle();

    [GeneratedRegex(@"^(?<a>" + Archives + @")(?:\.[A-Za-z\-]{2,12})?/(?<yy>\d{2})(?<mm>\d{2})(?<n>\d{3})(?:v(?<v>\d{1,3}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex OldStyle();

    [GeneratedRegex(@"arxiv\s*(?:[:：]|id|\.org/abs/)?\s*(?<id>\d{4}\.\d{4,5}(?:v\d{1,3})?|(?:" + Archives + @")(?:\.[A-Za-z\-]{2,12})?/\d{7}(?:v\d{1,3})?)(?![\d])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Labelled();

    [GeneratedRegex(@"(?<![A-Za-z0-9_.\-/$¥€£])(?<id>\d{4}\.\d{4,5}(?:v\d{1,3})?)(?![A-Za-z0-9]|\.\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Bare();

    [GeneratedRegex(@"(?<![A-Za-z0-9_.\-/])(?<id>(?:" + Archives + @")(?:\.[A-Z]{2}|\.[a-z\-]{2,12})?/\d{7}(?:v\d{1,3})?)(?![\d])", RegexOptions.CultureInvariant)]
    private static partial Regex BareOldStyle();

    /// <summary>Parses an id as written ("2406.05946v2", "math.GT/0309136"), or null when it is not a valid arXiv id.</summary>
    public static ArxivId? Parse(string text, bool allowFourDigit = true)
    {
        var match = NewStyle().Match(text);
        if (match.Success)
        {
            var yymm = int.Parse(match.Groups["yy"].Value + match.Groups["mm"].Value, CultureInfo.InvariantCulture);
            var month = yymm % 100;
            var fiveDigit = match.Groups["n"].Length == 5;
            var valid = month is >= 1 and <= 12
                        && (fiveDigit ? yymm >= 1501 : allowFourDigit && yymm is >= 704 and <= 1412);
            return valid
                ? new ArxivId(text[..(5 + match.Groups["n"].Length)], Version(match))
                : null;
        }

        match = OldStyle().Match(text);
        if (match.Success)
        {
            var month = int.Parse(match.Groups["mm"].Value, CultureInfo.InvariantCulture);
            var yy = int.Parse(match.Groups["yy"].Value, CultureInfo.InvariantCulture);
            // Old-style ids ran from 1991 to March 2007.
            var valid = month is >= 1 and <= 12 && (yy >= 91 || yy <= 7);
            return valid
                ? new ArxivId($"{match.Groups["a"].Value}/{match.Groups["yy"].Value}{match.Groups["mm"].Value}{match.Groups["n"].Value}", Version(match))
                : null;
        }

        return null;
    }

    /// <summary>The id in an arxiv.org abs/pdf/html URL (www. and export. hosts too), or null.</summary>
    public static ArxivId? FromUrl(Uri uri)
    {
        var host = uri.Host.ToLowerInvariant();
        if (host is not ("arxiv.org" or "www.arxiv.org" or "export.arxiv.org"))
        {
            return null;
        }

        var path = Uri.UnescapeDataString(uri.AbsolutePath).Trim('/');
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || path[..slash] is not ("abs" or "pdf" or "html" or "format" or "ps"))
        {
            return null;
        }

        var id = path[(slash + 1)..];
        if (id.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            id = id[..^4];
        }

        return Parse(id);
    }

    /// <summary>Every id written as text: "arXiv:2406.05946", bare 5-digit new-style ids, old-style ids.</summary>
    public static IEnumerable<(int Index, ArxivId Id)> FindInText(string text)
    {
        var mentionsArxiv = text.Contains("arxiv", StringComparison.OrdinalIgnoreCase);
        foreach (Match match in Labelled().Matches(text))
        {
            if (Parse(match.Groups["id"].Value) is { } id)
            {
                yield return (match.Index, id);
            }
        }

        foreach (Match match in Bare().Matches(text))
        {
            if (Parse(match.Groups["id"].Value, allowFourDigit: mentionsArxiv) is { } id)
            {
                yield return (match.Index, id);
            }
        }

        foreach (Match match in BareOldStyle().Matches(text))
        {
            if (Parse(match.Groups["id"].Value) is { } id)
            {
                yield return (match.Index, id);
            }
        }
    }

    private static int? Version(Match match) =>
        match.Groups["v"].Success ? int.Parse(match.Groups["v"].Value, CultureInfo.InvariantCulture) : null;
}
