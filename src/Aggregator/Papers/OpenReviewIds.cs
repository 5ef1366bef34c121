using System.Text.RegularExpressions;

namespace Aggregator.Papers;

/// <summary>
/// Recognises OpenReview forum ids in openreview.net/forum?id=…, pdf?id=… and attachment?id=… links. Ids are
/// case-sensitive and kept as written.
/// </summary>
internal static partial class OpenReviewIds
{
    [GeneratedRegex(@"^[A-Za-z0-9_\-]{6,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex Id();

    public static string? FromUrl(Uri uri)
    {
        var host = uri.Host.ToLowerInvariant();
        if (host is not ("openreview.net" or "www.openreview.net")
            || uri.AbsolutePath.TrimEnd('/') is not ("/forum" or "/pdf" or "/attachment"))
        {
            return null;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&'))
        {
            if (pair.StartsWith("id=", StringComparison.Ordinal))
            {
                var id = Uri.UnescapeDataString(pair[3..]);
                return Id().IsMatch(id) ? id : null;
            }
        }

        return null;
    }
}
