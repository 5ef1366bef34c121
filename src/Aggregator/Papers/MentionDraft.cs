namespace Aggregator.Papers;

/// <summary>A mention being assembled from a section or from loose ids; <see cref="ToMention"/> derives its keys.</summary>
internal sealed class MentionDraft
{
    private readonly List<string> _links = [];

    public string? Title { get; set; }

    public ArxivId? Arxiv { get; private set; }

    public string? Doi { get; private set; }

    public string? OpenReview { get; private set; }

    public string? Acl { get; private set; }

    public IReadOnlyList<string> Authors { get; set; } = [];

    public string? Abstract { get; set; }

    public string? ReadySummary { get; set; }

    public IReadOnlyList<string> CodeUrls { get; set; } = [];

    public string? Context { get; set; }

    public bool HasIds => Arxiv is not null || Doi is not null || OpenReview is not null || Acl is not null;

    /// <summary>Takes the first id of each kind it does not have yet; later ids of a kind it has are ignored.</summary>
    public void TakeIds(IEnumerable<PaperIdHit> hits)
    {
        foreach (var hit in hits)
        {
            var taken = hit.Kind switch
            {
                PaperKeyKind.Arxiv when Arxiv is null => Set(() => Arxiv = new ArxivId(hit.Value, hit.Version)),
                PaperKeyKind.Arxiv when Arxiv.Value.Id == hit.Value && Arxiv.Value.Version is null && hit.Version is not null =>
                    Set(() => Arxiv = new ArxivId(hit.Value, hit.Version)),
                PaperKeyKind.Arxiv => Arxiv.Value.Id == hit.Value,
                PaperKeyKind.Doi when Doi is null => Set(() => Doi = hit.Value),
                PaperKeyKind.Doi => Doi == hit.Value,
                PaperKeyKind.OpenReview when OpenReview is null => Set(() => OpenReview = hit.Value),
                PaperKeyKind.OpenReview => OpenReview == hit.Value,
                PaperKeyKind.Acl when Acl is null => Set(() => Acl = hit.Value),
                PaperKeyKind.Acl => Acl == hit.Value,
                _ => false,
            };
            if (taken)
            {
                AddLinks([hit.Link]);
            }
        }
    }

    public void AddLinks(IEnumerable<string?> links)
    {
        foreach (var link in links)
        {
            if (link is not null && !_links.Contains(link, StringComparer.Ordinal))
            {
                _links.Add(link);
            }
        }
    }

    public PaperMention ToMention()
    {
        var keys = new List<PaperKey>();
        AddKey(keys, PaperKeyKind.Arxiv, Arxiv?.Id);
        AddKey(keys, PaperKeyKind.Doi, Doi);
        AddKey(keys, PaperKeyKind.OpenReview, OpenReview);
        AddKey(keys, PaperKeyKind.Acl, Acl);
        if (PaperTitle.KeyFor(Title) is { } titleKey)
        {
            keys.Add(titleKey);
        }

        return new PaperMention
        {
            ArxivId = Arxiv?.Id,
            ArxivVersion = Arxiv?.Version,
            Doi = Doi,
            OpenReviewId = OpenReview,
            AclId = Acl,
            Title = Title,
            Authors = Authors,
            Abstract = Abstract,
            ReadySummary = ReadySummary,
            CodeUrls = CodeUrls,
            Links = _links.ToList(),
            Context = Context,
            Keys = keys,
        };
    }

    /// <summary>One mention from several a post made of the same paper: first value of each field, lists united.</summary>
    public static PaperMention Combine(IReadOnlyList<PaperMention> same)
    {
        if (same.Count == 1)
        {
            return same[0];
        }

        var first = same[0];
        return new PaperMention
        {
            ArxivId = same.Select(m => m.ArxivId).FirstOrDefault(v => v is not null),
            ArxivVersion = same.Select(m => m.ArxivVersion).FirstOrDefault(v => v is not null),
            Doi = same.Select(m => m.Doi).FirstOrDefault(v => v is not null),
            OpenReviewId = same.Select(m => m.OpenReviewId).FirstOrDefault(v => v is not null),
            AclId = same.Select(m => m.AclId).FirstOrDefault(v => v is not null),
            Title = same.Select(m => m.Title).FirstOrDefault(v => v is not null),
            Authors = same.Select(m => m.Authors).FirstOrDefault(v => v.Count > 0) ?? first.Authors,
            Abstract = same.Select(m => m.Abstract).FirstOrDefault(v => v is not null),
            ReadySummary = same.Select(m => m.ReadySummary).FirstOrDefault(v => v is not null),
            CodeUrls = same.SelectMany(m => m.CodeUrls).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            Links = same.SelectMany(m => m.Links).Distinct(StringComparer.Ordinal).ToList(),
            Context = same.Select(m => m.Context).Where(v => v is not null).MaxBy(v => v!.Length),
            Keys = same.SelectMany(m => m.Keys).Distinct().OrderBy(k => k.Kind).ToList(),
        };
    }

    private static bool Set(Action assign)
    {
        assign();
        return true;
    }

    private static void AddKey(List<PaperKey> keys, PaperKeyKind kind, string? value)
    {
        if (value is not null)
        {
            keys.Add(new PaperKey(kind, value));
        }
    }
}
