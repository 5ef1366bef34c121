namespace Aggregator.Papers;

/// <summary>Finds every paper id in a block: in its links (unwrapped from redirectors) first, then in its text.</summary>
internal static class PaperIdScanner
{
    public static IReadOnlyList<PaperIdHit> Scan(PostBlock block, int blockIndex)
    {
        var hits = new List<PaperIdHit>();
        foreach (var link in block.Links)
        {
            hits.AddRange(FromLink(link, blockIndex).Select(h => h with { Position = link.Position, End = link.Position + link.Text.Length }));
        }

        // Ids written in a link's text ("doi:10.…" on a doi.org link) were read from the link already.
        var fromLinks = hits.Select(h => (h.Kind, h.Value)).ToHashSet();
        var text = WebLinks.WithoutUrls(block.Text);
        foreach (var (index, id) in ArxivIds.FindInText(text))
        {
            hits.Add(new PaperIdHit(PaperKeyKind.Arxiv, id.Id, id.Version, null, null, blockIndex, index, index + id.Id.Length));
        }

        foreach (var (index, doi) in DoiIds.FindInText(text))
        {
            hits.AddRange(FromDoi(doi, null, null, blockIndex).Select(h => h with { Position = index, End = index + doi.Length }));
        }

        foreach (var (index, acl) in AclAnthologyIds.FindInText(text))
        {
            hits.Add(new PaperIdHit(PaperKeyKind.Acl, acl, null, null, null, blockIndex, index, index + acl.Length));
        }

        return hits.Where(h => h.Link is not null || !fromLinks.Contains((h.Kind, h.Value))).ToList();
    }

    public static IEnumerable<PaperIdHit> FromLink(PostLink link, int blockIndex)
    {
        var url = RedirectUnwrapper.Unwrap(link.Url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return [];
        }

        if ((ArxivIds.FromUrl(uri) ?? HostedArxivLinks.FromUrl(uri)) is { } arxiv)
        {
            return [new PaperIdHit(PaperKeyKind.Arxiv, arxiv.Id, arxiv.Version, url, link.Text, blockIndex)];
        }

        if (DoiIds.FromUrl(uri) is { } doi)
        {
            return FromDoi(doi, url, link.Text, blockIndex);
        }

        if (OpenReviewIds.FromUrl(uri) is { } openReview)
        {
            return [new PaperIdHit(PaperKeyKind.OpenReview, openReview, null, url, link.Text, blockIndex)];
        }

        if (AclAnthologyIds.FromUrl(uri) is { } acl)
        {
            return [new PaperIdHit(PaperKeyKind.Acl, acl, null, url, link.Text, blockIndex)];
        }

        return [];
    }

    /// <summary>arXiv's own DOIs (10.48550/arXiv.…) are arXiv ids; ACL Anthology DOIs also carry the ACL id.</summary>
    private static IEnumerable<PaperIdHit> FromDoi(string doi, string? url, string? text, int blockIndex)
    {
        const string ArxivDoiPrefix = "10.48550/arxiv.";
        if (doi.StartsWith(ArxivDoiPrefix, StringComparison.Ordinal) && ArxivIds.Parse(doi[ArxivDoiPrefix.Length..]) is { } arxiv)
        {
            return [new PaperIdHit(PaperKeyKind.Arxiv, arxiv.Id, arxiv.Version, url, text, blockIndex)];
        }

        var hits = new List<PaperIdHit> { new(PaperKeyKind.Doi, doi, null, url, text, blockIndex) };
        if (AclAnthologyIds.FromDoi(doi) is { } acl)
        {
            hits.Add(new PaperIdHit(PaperKeyKind.Acl, acl, null, url, text, blockIndex));
        }

        return hits;
    }
}
