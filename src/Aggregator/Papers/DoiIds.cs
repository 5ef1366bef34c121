using System.Text.RegularExpressions;

namespace Aggregator.Papers;

/// <summary>
/// Recognises DOIs ("10.18653/v1/2023.acl-long.1"), bare, after "doi:", behind doi.org and in publisher URLs that put
/// the DOI in the path (…/doi/10.1145/…, Springer …/article/10.1007/…). Returned lower-case (DOIs are case-insensitive)
/// with trailing sentence punctuation trimmed.
/// </summary>
internal static partial class DoiIds
{
    [GeneratedRegex(@"(?<![A-Za-z0-9./])10\.\d{4,9}/[^\s""<>，。；、）】》“”]+", RegexOptions.CultureInvariant)]
    private static partial Regex InText();

    public static IEnumerable<(int Index, string Doi)> FindInText(string text)
    {
        foreach (Match match in InText().Matches(text))
        {
            var doi = Clean(match.Value);
            if (doi is not null)
            {
                yield return (match.Index, doi);
            }
        }
    }

    public static string? FromUrl(Uri uri)
    {
        var host = uri.Host.ToLowerInvariant();
        var path = Uri.UnescapeDataString(uri.AbsolutePath);
        int start;
        if (host is "doi.org" or "dx.doi.org" or "www.doi.org")
        {
            start = 1;
        }
        else if (path.Contains("/doi/", StringComparison.Ordinal)
                 || (host == "link.springer.com" && (path.StartsWith("/article/", StringComparison.Ordinal) || path.StartsWith("/chapter/", StringComparison.Ordinal))))
        {
            start = path.IndexOf("/10.", StringComparison.Ordinal) + 1;
            if (start == 0)
            {
                return null;
            }
        }
        else
        {
            return null;
        }

        var match = InText().Match(path[start..]);
        return match.Success && match.Index == 0 ? Clean(match.Value) : null;
    }

    private static string? Clean(string doi)
    {
        doi = WebLinks.TrimTrailing(doi);
        if (doi.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            doi = doi[..^4];
        }

        var slash = doi.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < doi.Length - 1 ? doi.ToLowerInvariant() : null;
    }
}
