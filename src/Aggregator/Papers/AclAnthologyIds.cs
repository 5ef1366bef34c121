using System.Text.RegularExpressions;

namespace Aggregator.Papers;

/// <summary>
/// Recognises ACL Anthology ids: new style "2023.acl-long.1", old style "P19-1001", in aclanthology.org and
/// aclweb.org/anthology links (with or without ".pdf"), in ACL DOIs (10.18653/v1/…), and new-style ids in text when
/// the venue is an ACL venue. Bare old-style ids in text are too ambiguous ("P19-1001" could be anything) and are not read.
/// </summary>
internal static partial class AclAnthologyIds
{
    [GeneratedRegex(@"^(?:(?:19|20)\d{2}\.[a-z0-9]+(?:-[a-z0-9]+)*\.\d{1,4}|[A-Z]\d{2}-\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex Id();

    [GeneratedRegex(@"(?<![A-Za-z0-9./\-])(?<id>(?:19|20)\d{2}\.(?:acl|emnlp|naacl|eacl|aacl|findings|coling|lrec|tacl|conll|semeval|wmt|ijcnlp|cl|starsem|sigdial|inlg|iwslt|bionlp|repl4nlp|blackboxnlp)(?:-[a-z0-9]+)*\.\d{1,4})(?![A-Za-z0-9]|\.\d)", RegexOptions.CultureInvariant)]
    private static partial Regex InText();

    public static IEnumerable<(int Index, string Id)> FindInText(string text)
    {
        foreach (Match match in InText().Matches(text))
        {
            yield return (match.Index, match.Groups["id"].Value);
        }
    }

    public static string? FromUrl(Uri uri)
    {
        var host = uri.Host.ToLowerInvariant();
        var segments = uri.AbsolutePath.Trim('/').Split('/');
        var last = host switch
        {
            "aclanthology.org" or "www.aclanthology.org" when segments.Length == 1 => segments[0],
            "aclanthology.org" or "www.aclanthology.org" or "www.aclweb.org" or "aclweb.org"
                when segments.Length >= 2 && segments[0] == "anthology" => segments[^1],
            _ => null,
        };
        return last is null ? null : Parse(last);
    }

    /// <summary>The ACL id inside an ACL Anthology DOI ("10.18653/v1/2023.acl-long.1"), or null.</summary>
    public static string? FromDoi(string doi) =>
        doi.StartsWith("10.18653/v1/", StringComparison.Ordinal) ? Parse(doi["10.18653/v1/".Length..]) : null;

    private static string? Parse(string id)
    {
        if (id.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            id = id[..^4];
        }

        // DOIs come lower-cased; old-style ids are written with a capital letter.
        if (id.Length == 8 && char.IsLower(id[0]))
        {
            id = char.ToUpperInvariant(id[0]) + id[1..];
        }

        return Id().IsMatch(id) ? id : null;
    }
}
