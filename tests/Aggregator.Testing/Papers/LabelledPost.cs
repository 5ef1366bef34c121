namespace Aggregator.Testing.Papers;

/// <summary>Post classes scored separately: posts with ids or title headings, and plain title lists.</summary>
public static class PostClasses
{
    public const string IdsOrHeadings = "ids-or-headings";
    public const string PlainTitleList = "plain-title-list";
}

/// <summary>
/// A post of the labelled paper corpus as identification sees it (title, clean HTML, block text, base address) with
/// the papers a reader finds in it. <see cref="Exact"/> labels list every paper and every key; others are a floor.
/// </summary>
public sealed record LabelledPost(
    string Name,
    string PostClass,
    string Title,
    string Html,
    string Text,
    string? BaseUri,
    bool Exact,
    IReadOnlyList<ExpectedPaper> Papers);

/// <summary>
/// One paper a post mentions. <see cref="Id"/> names the paper across the corpus (the same paper in two posts has the
/// same id). Null lists and flags are not checked.
/// </summary>
public sealed record ExpectedPaper(
    string Id,
    string? Title,
    string? Arxiv,
    int? ArxivVersion,
    string? Doi,
    string? OpenReview,
    string? Acl,
    IReadOnlyList<string>? Authors,
    IReadOnlyList<string>? CodeUrls,
    bool? Abstract,
    bool? Summary)
{
    /// <summary>Keys as "kind:value" (PaperKey's text form); the title key comes from the caller's normaliser.</summary>
    public IReadOnlyList<string> Keys(Func<string, string?> titleKey)
    {
        var keys = new List<string>();
        Add(keys, "arxiv", Arxiv);
        Add(keys, "doi", Doi);
        Add(keys, "openreview", OpenReview);
        Add(keys, "acl", Acl);
        if (Title is not null && titleKey(Title) is { } key)
        {
            keys.Add(key);
        }

        return keys;
    }

    private static void Add(List<string> keys, string kind, string? value)
    {
        if (value is not null)
        {
            keys.Add($"{kind}:{value}");
        }
    }
}
