using System.Text.Json;
using System.Xml.Linq;
using Aggregator.Publishing;

namespace Aggregator.Tests.Publishing;

/// <summary>What an /api/papers item shows once the paper has been enriched.</summary>
public sealed class PaperFeedBuilderTests
{
    private static readonly string LongAbstract = string.Concat(Enumerable.Repeat("We study how preference data shapes a policy. ", 30)).Trim();

    private static Aggregator.Storage.Paper Enriched() => FeedFixtures.Paper("p0123456789abcdef", FeedFixtures.Base, 2, "Direct Preference Optimization: Your Language Model is Secretly a Reward Model") with
    {
        ArxivId = "2305.18290",
        OpenReviewId = "HPuSIXJaa9",
        Summary = null,
        Abstract = LongAbstract,
        PdfUrl = "https://arxiv.org/pdf/2305.18290",
        PrimaryCategory = "cs.LG",
        Venue = "NeurIPS 2023",
        FirstVersionDate = new DateTimeOffset(2023, 5, 29, 17, 57, 46, TimeSpan.Zero),
    };

    [Fact]
    public async Task Papers_EnrichedPaper_ShowsTitleAuthorsAbstractLinksThenEveryPost()
    {
        await using var server = await FeedTestServer.StartAsync(papers: [Enriched()]);

        using var document = JsonDocument.Parse(await server.Client.GetStringAsync("/api/papers?format=json"));

        var item = document.RootElement.GetProperty("items")[0];
        Assert.Equal("Direct Preference Optimization: Your Language Model is Secretly a Reward Model", item.GetProperty("title").GetString());
        var html = item.GetProperty("content_html").GetString()!;
        var order = new[]
        {
            "We study how preference data",
            "Authors: Rafael Rafailov, 王五",
            "Venue: NeurIPS 2023",
            "<a href=\"https://arxiv.org/abs/2305.18290\" rel=\"noopener noreferrer\">arXiv:2305.18290</a>",
            "<a href=\"https://arxiv.org/pdf/2305.18290\" rel=\"noopener noreferrer\">PDF</a>",
            "<a href=\"https://openreview.net/forum?id=HPuSIXJaa9\" rel=\"noopener noreferrer\">OpenReview forum</a>",
            "Code: <a href=\"https://github.com/eric-mitchell/direct-preference-optimization\"",
            "Covered by 2 sources",
            "Coverage 0 of",
            "Coverage 1 of",
        }.Select(part => html.IndexOf(part, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public async Task Papers_LongAbstract_IsCutToTheItemLengthAtASentence()
    {
        await using var server = await FeedTestServer.StartAsync(papers: [Enriched()]);

        using var document = JsonDocument.Parse(await server.Client.GetStringAsync("/api/papers?format=json"));

        var summary = document.RootElement.GetProperty("items")[0].GetProperty("summary").GetString()!;
        var text = summary.Split("\n\n")[0];
        Assert.True(text.Length <= PaperFeedBuilder.AbstractLength + 2, $"summary of {text.Length} characters");
        Assert.EndsWith("policy. …", text, StringComparison.Ordinal);
        Assert.EndsWith("The paper's abstract", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Papers_Category_IsTheCanonicalIdOrTheTitle()
    {
        var titleOnly = FeedFixtures.Paper("pfeedfacefeedface", FeedFixtures.Base.AddHours(1), 1, "A Title-Only Paper About Things");
        await using var server = await FeedTestServer.StartAsync(papers: [Enriched(), titleOnly]);

        var items = XDocument.Parse(await server.Client.GetStringAsync("/api/papers")).Root!.Element("channel")!.Elements("item").ToList();

        var categories = items.Select(i => i.Elements("category").Single().Value).ToList();
        Assert.Equal(["A Title-Only Paper About Things", "arXiv:2305.18290"], categories);
    }

    [Theory]
    [InlineData("extractive", false)]
    [InlineData("llm:gpt-4o-mini", true)]
    public async Task Papers_AbstractBeatsAnExtractButNotAWrittenSummary(string summarizer, bool summaryLeads)
    {
        var paper = Enriched() with { Summary = "What one post said about it.", Summarizer = summarizer };
        await using var server = await FeedTestServer.StartAsync(papers: [paper]);

        using var document = JsonDocument.Parse(await server.Client.GetStringAsync("/api/papers?format=json"));

        var item = document.RootElement.GetProperty("items")[0];
        var summary = item.GetProperty("summary").GetString()!;
        Assert.Equal(summaryLeads, summary.StartsWith("What one post said", StringComparison.Ordinal));
        Assert.Equal(!summaryLeads, summary.StartsWith("We study how preference data", StringComparison.Ordinal));
        Assert.Contains("We study how preference data", item.GetProperty("content_html").GetString(), StringComparison.Ordinal);
    }
}
