using System.Text.Json;
using System.Xml.Linq;
using Aggregator.Storage;

namespace Aggregator.Tests.Publishing;

/// <summary>How /api/feed lists the papers a post mentions: as they are stored now, by readable labels.</summary>
public sealed class PostFeedBuilderTests
{
    private const string DpoTitle = "Direct Preference Optimization: Your Language Model is Secretly a Reward Model";

    private static Post PostBeforeItsPaperHadATitle() => FeedFixtures.EnglishPost("post-1", FeedFixtures.Base) with
    {
        Papers = [new PostPaper("p0123456789abcdef", "arxiv:2305.18290", "https://arxiv.org/abs/2305.18290")],
    };

    private static Paper StoredDpo() => FeedFixtures.Paper("p0123456789abcdef", FeedFixtures.Base, 1, DpoTitle) with { ArxivId = "2305.18290" };

    [Fact]
    public async Task Feed_PostStoredBeforeItsPaperHadATitle_ListsThePaperByItsCanonicalTitle()
    {
        await using var server = await FeedTestServer.StartAsync(posts: [PostBeforeItsPaperHadATitle()], papers: [StoredDpo()]);

        using var document = JsonDocument.Parse(await server.Client.GetStringAsync("/api/feed?format=json"));

        var html = document.RootElement.GetProperty("items")[0].GetProperty("content_html").GetString()!;
        Assert.Contains($"<a href=\"https://arxiv.org/abs/2305.18290\" rel=\"noopener noreferrer\">{DpoTitle}</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">arxiv:2305.18290<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_PaperCategory_IsTheArxivIdNotTheInternalHash()
    {
        await using var server = await FeedTestServer.StartAsync(posts: [PostBeforeItsPaperHadATitle()], papers: [StoredDpo()]);

        var item = XDocument.Parse(await server.Client.GetStringAsync("/api/feed")).Root!.Element("channel")!.Element("item")!;

        var papers = item.Elements("category").Where(c => (string?)c.Attribute("domain") == "paper").Select(c => c.Value).ToList();
        Assert.Equal(["arXiv:2305.18290"], papers);
    }

    [Fact]
    public async Task Feed_PaperNotInTheStore_IsListedAsThePostSawItWithAReadableCategory()
    {
        var post = FeedFixtures.EnglishPost("post-1", FeedFixtures.Base) with
        {
            Papers = [new PostPaper("pfeedfacefeedface", "Some Title-Only Paper About Things", "https://example.org/posts/post-1")],
        };
        await using var server = await FeedTestServer.StartAsync(posts: [post]);

        var item = XDocument.Parse(await server.Client.GetStringAsync("/api/feed")).Root!.Element("channel")!.Element("item")!;

        Assert.Contains(item.Elements("category"), c => c.Value == "Some Title-Only Paper About Things");
        Assert.DoesNotContain(item.Elements("category"), c => c.Value == "pfeedfacefeedface");
    }
}
