using Aggregator.Parsing;

namespace Aggregator.Tests.Parsing;

public sealed class FeedReaderRdfTests
{
    [Fact]
    public void Read_ArxivRdfListing_ReadsItemsBesideTheChannel()
    {
        var feed = ParsingFixtures.Read("arxiv-rdf.xml");

        Assert.Equal(FeedType.Rss_1_0, feed.Type);
        Assert.Equal("cs.LG updates on arXiv.org", feed.Title);
        Assert.Equal("en-us", feed.Language);
        Assert.Equal("http://arxiv.org/icons/sfx.gif", feed.ImageUrl);
        Assert.Equal(new DateTimeOffset(2025, 4, 23, 20, 30, 0, TimeSpan.FromHours(-5)), feed.LastUpdatedDate);
        Assert.Equal(2, feed.Items.Count);
        var item = feed.Items[0];
        Assert.Equal("http://arxiv.org/abs/2409.18025", item.Id);
        Assert.Equal("http://arxiv.org/abs/2409.18025", item.Link);
        Assert.Equal("An Adversarial Perspective on Machine Unlearning for AI Safety. (arXiv:2409.18025v3 [cs.LG] UPDATED)", item.Title);
        Assert.StartsWith("<p>Large language models", item.Description);
        Assert.Equal(["Jakub Łucki, Boyi Wei"], item.Authors);
    }

    [Fact]
    public void Read_ArxivWeekendListing_IsEmptyWithSkipDaysAndNoWarning()
    {
        var feed = ParsingFixtures.Read("arxiv-rdf-empty.xml");

        Assert.Empty(feed.Items);
        Assert.Equal([DayOfWeek.Saturday, DayOfWeek.Sunday], feed.SkipDays);
        Assert.Equal("cs.CL updates on arXiv.org", feed.Title);
        Assert.Empty(feed.Warnings);
    }
}
