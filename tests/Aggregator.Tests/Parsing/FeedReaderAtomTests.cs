using Aggregator.Parsing;

namespace Aggregator.Tests.Parsing;

public sealed class FeedReaderAtomTests
{
    [Fact]
    public void Read_AtomWithXmlBase_ResolvesRelativeLinksThroughNestedBases()
    {
        var feed = ParsingFixtures.Read("atom-xml-base.xml", new FeedReadOptions { BaseUri = new Uri("https://elsewhere.example/feed.xml") });

        Assert.Equal(FeedType.Atom_1_0, feed.Type);
        Assert.Equal("https://lilianweng.github.io/", feed.Link);
        Assert.Equal("https://lilianweng.github.io/images/logo.png", feed.ImageUrl);
        var entry = Assert.Single(feed.Items);
        Assert.Equal("https://lilianweng.github.io/posts/2024-11-28-reward-hacking/", entry.Link);
        Assert.Equal([new FeedEnclosure("https://lilianweng.github.io/files/reward-hacking.pdf", "application/pdf", 123456)], entry.Enclosures);
        Assert.Contains("href=\"https://lilianweng.github.io/posts/2024-11-28-reward-hacking/sub/figures/fig1.png\"", entry.Content);
    }

    [Fact]
    public void Read_AtomTextConstructs_GiveTextTitlesAndHtmlBodies()
    {
        var feed = ParsingFixtures.Read("atom-xml-base.xml");

        Assert.Equal("Lil'Log", feed.Title);
        Assert.Equal("Document my learning notes &lt;3", feed.Description);
        var entry = feed.Items[0];
        Assert.Equal("Reward Hacking in Reinforcement Learning", entry.Title);
        Assert.Equal("Reward hacking occurs when an RL agent exploits flaws &amp; ambiguities.", entry.Description);
        Assert.StartsWith("<p>See <a href=", entry.Content?.Trim());
        Assert.DoesNotContain("xmlns", entry.Content);
    }

    [Fact]
    public void Read_AtomEntry_KeepsAllAuthorsCategoriesAndBothDates()
    {
        var entry = ParsingFixtures.Read("atom-xml-base.xml").Items[0];

        Assert.Equal(["Lilian Weng (lilian@example.org)", "Guest Writer"], entry.Authors);
        Assert.Equal(["reinforcement-learning", "llm"], entry.Categories);
        Assert.Equal(new DateTimeOffset(2024, 11, 28, 0, 0, 0, TimeSpan.FromHours(8)), entry.PublishingDate);
        Assert.Equal(new DateTimeOffset(2024, 12, 1, 10, 0, 0, TimeSpan.Zero), entry.UpdatedDate);
        Assert.Equal("tag:lilianweng.github.io,2024-11-28:/posts/2024-11-28-reward-hacking/", entry.Id);
    }
}
