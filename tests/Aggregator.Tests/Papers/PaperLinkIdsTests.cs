using Aggregator.Papers;

namespace Aggregator.Tests.Papers;

/// <summary>DOIs, OpenReview and ACL Anthology ids, and the redirectors that wrap links, read through the block scanner.</summary>
public sealed class PaperLinkIdsTests
{
    [Theory]
    [InlineData("https://weibo.cn/sinaurl?u=https%3A%2F%2Farxiv.org%2Fabs%2F2501.00001", "https://arxiv.org/abs/2501.00001")]
    [InlineData("https://link.zhihu.com/?target=https%3A//arxiv.org/abs/2402.01306", "https://arxiv.org/abs/2402.01306")]
    [InlineData("https://www.google.com/url?q=https://arxiv.org/abs/2406.18629&sa=D", "https://arxiv.org/abs/2406.18629")]
    [InlineData("https://www.google.com/url?sa=t&url=https%3A%2F%2Fopenreview.net%2Fforum%3Fid%3DH5FUVj0vMd", "https://openreview.net/forum?id=H5FUVj0vMd")]
    [InlineData("https://weibo.cn/sinaurl?u=https%253A%252F%252Farxiv.org%252Fabs%252F2501.00001", "https://arxiv.org/abs/2501.00001")]
    [InlineData("https://arxiv.org/abs/2501.00001", "https://arxiv.org/abs/2501.00001")]
    public void Unwrap_RedirectorLinks_ReturnTheTarget(string wrapped, string target)
    {
        Assert.Equal(target, RedirectUnwrapper.Unwrap(wrapped));
    }

    [Theory]
    [InlineData("https://doi.org/10.1038/NATURE14236", PaperKeyKind.Doi, "10.1038/nature14236")]
    [InlineData("https://dx.doi.org/10.1145/3580305.3599256", PaperKeyKind.Doi, "10.1145/3580305.3599256")]
    [InlineData("https://dl.acm.org/doi/pdf/10.1145/3580305.3599256", PaperKeyKind.Doi, "10.1145/3580305.3599256")]
    [InlineData("https://link.springer.com/article/10.1007/s11263-015-0816-y", PaperKeyKind.Doi, "10.1007/s11263-015-0816-y")]
    [InlineData("https://doi.org/10.48550/arXiv.2406.05946", PaperKeyKind.Arxiv, "2406.05946")]
    [InlineData("https://openreview.net/forum?id=H5FUVj0vMd&noteId=xyz", PaperKeyKind.OpenReview, "H5FUVj0vMd")]
    [InlineData("https://openreview.net/pdf?id=iLUcsecZJp", PaperKeyKind.OpenReview, "iLUcsecZJp")]
    [InlineData("https://aclanthology.org/2023.acl-long.1/", PaperKeyKind.Acl, "2023.acl-long.1")]
    [InlineData("https://aclanthology.org/2023.acl-long.1.pdf", PaperKeyKind.Acl, "2023.acl-long.1")]
    [InlineData("https://aclanthology.org/P19-1001", PaperKeyKind.Acl, "P19-1001")]
    [InlineData("https://www.aclweb.org/anthology/P19-1001.pdf", PaperKeyKind.Acl, "P19-1001")]
    public void Scan_PaperLink_ReadsItsKey(string url, PaperKeyKind kind, string value)
    {
        var hits = Scan(new PostLink(url, "link"));

        Assert.Contains(hits, h => h.Kind == kind && h.Value == value);
    }

    [Fact]
    public void Scan_AclDoi_ReadsTheDoiAndTheAclId()
    {
        var hits = Scan(new PostLink("https://doi.org/10.18653/v1/2020.acl-main.704", "doi"));

        Assert.Equal(
            [(PaperKeyKind.Doi, "10.18653/v1/2020.acl-main.704"), (PaperKeyKind.Acl, "2020.acl-main.704")],
            hits.Select(h => (h.Kind, h.Value)).ToList());
    }

    [Theory]
    [InlineData("DOI: 10.1038/nature14236.", "10.1038/nature14236")]
    [InlineData("(doi:10.1145/3580305.3599256)", "10.1145/3580305.3599256")]
    [InlineData("见 10.1007/s11263-015-0816-y。", "10.1007/s11263-015-0816-y")]
    public void Scan_DoiInText_TrimsPunctuationAndLowerCases(string text, string doi)
    {
        var hits = PaperIdScanner.Scan(new PostBlock(PostBlockKind.Paragraph, 0, text, [], false, false), 0);

        Assert.Equal((PaperKeyKind.Doi, doi), hits.Select(h => (h.Kind, h.Value)).Single());
    }

    [Fact]
    public void Scan_NewStyleAclIdInText_IsRead_OldStyleIsNot()
    {
        var hits = PaperIdScanner.Scan(new PostBlock(PostBlockKind.Paragraph, 0, "see 2023.findings-emnlp.12 and P19-1001", [], false, false), 0);

        Assert.Equal((PaperKeyKind.Acl, "2023.findings-emnlp.12"), hits.Select(h => (h.Kind, h.Value)).Single());
    }

    [Theory]
    [InlineData("https://openreview.net/group?id=ICLR.cc/2025/Conference")]
    [InlineData("https://aclanthology.org/venues/acl/")]
    [InlineData("https://www.nature.com/articles/nature14236")]
    [InlineData("https://github.com/dvlab-research/Step-DPO")]
    public void Scan_OtherLinks_ReadNothing(string url)
    {
        Assert.Empty(Scan(new PostLink(url, "link")));
    }

    private static IReadOnlyList<PaperIdHit> Scan(PostLink link) =>
        PaperIdScanner.Scan(new PostBlock(PostBlockKind.Paragraph, 0, "link", [link], false, false), 0);
}
