using Aggregator.Parsing;

namespace Aggregator.Tests.Parsing;

public sealed class FeedReaderJsonFeedTests
{
    [Fact]
    public void Read_JsonFeed11_MapsItemsAuthorsTagsAndAttachments()
    {
        var feed = ParsingFixtures.Read("jsonfeed-1.1.json");

        Assert.Equal(FeedType.JsonFeed_1_1, feed.Type);
        Assert.Equal("Hugging Face Daily Papers", feed.Title);
        Assert.Equal("https://huggingface.co/papers", feed.Link);
        Assert.Equal("en", feed.Language);
        var first = feed.Items[0];
        Assert.Equal("2409.18025", first.Id);
        Assert.Equal("https://huggingface.co/papers/2409.18025", first.Link);
        Assert.Equal("Jailbreaks recover unlearned knowledge.", first.Description);
        Assert.Contains("arXiv:2409.18025", first.Content);
        Assert.Equal(["Jakub Łucki", "Boyi Wei"], first.Authors);
        Assert.Equal(["unlearning", "safety"], first.Categories);
        Assert.Equal([new FeedEnclosure("https://arxiv.org/pdf/2409.18025", "application/pdf", 812345)], first.Enclosures);
        Assert.Equal(new DateTimeOffset(2025, 4, 23, 5, 11, 17, TimeSpan.Zero), first.PublishingDate);
    }

    [Fact]
    public void Read_JsonFeedNumericIdAndTextContent_AreKeptAsStringAndEscapedHtml()
    {
        var second = ParsingFixtures.Read("jsonfeed-1.1.json").Items[1];

        Assert.Equal("2409064110", second.Id);
        Assert.Equal("DPO over-optimises for verbosity &amp; length.", second.Content);
        Assert.Equal(new DateTimeOffset(2025, 4, 22, 9, 30, 0, TimeSpan.FromHours(8)), second.PublishingDate);
    }

    [Fact]
    public void Read_BrokenJson_ThrowsFeedParseException()
    {
        var error = Assert.Throws<FeedParseException>(() => ParsingFixtures.ReadXml("{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [ {"));

        Assert.Contains("JSON", error.Message, StringComparison.Ordinal);
    }
}
