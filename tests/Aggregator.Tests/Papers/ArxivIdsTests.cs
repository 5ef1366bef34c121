using Aggregator.Papers;

namespace Aggregator.Tests.Papers;

public sealed class ArxivIdsTests
{
    [Theory]
    [InlineData("https://arxiv.org/abs/2406.05946", "2406.05946", null)]
    [InlineData("https://arxiv.org/abs/2406.05946v2", "2406.05946", 2)]
    [InlineData("http://www.arxiv.org/pdf/2406.05946v3.pdf", "2406.05946", 3)]
    [InlineData("https://export.arxiv.org/pdf/2406.05946", "2406.05946", null)]
    [InlineData("https://arxiv.org/html/2406.05946v1/", "2406.05946", 1)]
    [InlineData("https://arxiv.org/abs/0704.0001", "0704.0001", null)]
    [InlineData("https://arxiv.org/abs/hep-th/9901001", "hep-th/9901001", null)]
    [InlineData("https://arxiv.org/abs/math.GT/0309136v2", "math/0309136", 2)]
    [InlineData("https://huggingface.co/papers/2406.05946", "2406.05946", null)]
    [InlineData("https://alphaxiv.org/abs/2406.05946v2", "2406.05946", 2)]
    [InlineData("https://www.alphaxiv.org/overview/2406.05946", "2406.05946", null)]
    public void FromUrl_ArxivAndHostLinks_ReadVersionlessIdAndVersion(string url, string id, int? version)
    {
        var uri = new Uri(url);

        var found = ArxivIds.FromUrl(uri) ?? HostedArxivLinks.FromUrl(uri);

        Assert.Equal(new ArxivId(id, version), found);
    }

    [Theory]
    [InlineData("https://arxiv.org/list/cs.CL/recent")]
    [InlineData("https://arxiv.org/abs/2413.05946")]
    [InlineData("https://arxiv.org/abs/1412.12345")]
    [InlineData("https://example.org/abs/2406.05946")]
    [InlineData("https://huggingface.co/papers")]
    public void FromUrl_NotAPaperLink_ReadsNothing(string url)
    {
        Assert.Null(ArxivIds.FromUrl(new Uri(url)) ?? HostedArxivLinks.FromUrl(new Uri(url)));
    }

    [Theory]
    [InlineData("see arXiv:2406.05946 for details", "2406.05946", null)]
    [InlineData("arXiv: 2406.05946v2", "2406.05946", 2)]
    [InlineData("ARXIV 1706.03762", "1706.03762", null)]
    [InlineData("论文编号 2406.05946，欢迎阅读", "2406.05946", null)]
    [InlineData("(2501.00001v1)", "2501.00001", 1)]
    [InlineData("the classic hep-th/9711200", "hep-th/9711200", null)]
    [InlineData("arXiv:math.GT/0309136", "math/0309136", null)]
    public void FindInText_IdForms_ReadTheId(string text, string id, int? version)
    {
        var found = ArxivIds.FindInText(text).Select(f => f.Id).Distinct().ToList();

        Assert.Equal([new ArxivId(id, version)], found);
    }

    [Theory]
    [InlineData("submitted to 2024.12345 proceedings")]
    [InlineData("released on 2024.06.15")]
    [InlineData("toolkit version 2.2406.12345")]
    [InlineData("build v2406.12345")]
    [InlineData("it costs $2406.12345 a month")]
    [InlineData("measured 1706.0376 seconds")]
    [InlineData("old 4-digit form without context 1706.03762x")]
    [InlineData("1203.45678 is before five-digit numbers existed")]
    [InlineData("ip 10.1.2406.12345.7")]
    [InlineData("month 13: 2413.12345")]
    public void FindInText_DatesPricesVersions_ReadNothing(string text)
    {
        Assert.Empty(ArxivIds.FindInText(text));
    }

    [Fact]
    public void FindInText_FourDigitNumberNextToArxiv_IsAnId()
    {
        Assert.Empty(ArxivIds.FindInText("page 1412.6980 of the book"));
        Assert.Equal("1412.6980", Assert.Single(ArxivIds.FindInText("on arXiv as 1412.6980")).Id.Id);
    }
}
