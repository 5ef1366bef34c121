using System.Text.RegularExpressions;

namespace Aggregator.Benchmarks.Papers;

/// <summary>
/// The baseline identification is measured against: what a first attempt does — grep the post for arxiv.org abs/pdf
/// links and OpenReview forum links, one paper per distinct id, no titles, no unwrapping.
/// </summary>
internal static partial class NaiveIdBaseline
{
    [GeneratedRegex(@"arxiv\.org/(?:abs|pdf)/(?<id>\d{4}\.\d{4,5})")]
    private static partial Regex ArxivLink();

    [GeneratedRegex(@"openreview\.net/forum\?id=(?<id>[A-Za-z0-9_\-]+)")]
    private static partial Regex OpenReviewLink();

    public static IReadOnlyList<IReadOnlyCollection<string>> Identify(string html, string text)
    {
        var all = html + "\n" + text;
        return ArxivLink().Matches(all).Select(m => "arxiv:" + m.Groups["id"].Value)
            .Concat(OpenReviewLink().Matches(all).Select(m => "openreview:" + m.Groups["id"].Value))
            .Distinct(StringComparer.Ordinal)
            .Select(k => (IReadOnlyCollection<string>)[k])
            .ToList();
    }
}
