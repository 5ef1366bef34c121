using Aggregator.Enrichment;
using Aggregator.Testing.Metadata;

namespace Aggregator.Tests.Enrichment;

public sealed class ArxivAtomParserTests
{
    [Fact]
    public void Parse_ApiAnswer_ReadsVersionedIdWrappedTitleCategoryPdfAndTotal()
    {
        var xml = ArxivAtomWriter.Feed("id_list=2305.18290", 1, 0, [MetadataSamples.Dpo]);

        var feed = ArxivAtomParser.Parse(xml);

        Assert.Equal(1, feed.TotalResults);
        var entry = Assert.Single(feed.Entries);
        Assert.Equal("2305.18290", entry.Id);
        Assert.Equal(3, entry.Version);
        Assert.Equal(MetadataSamples.DpoTitle, entry.Title);
        Assert.Equal(6, entry.Authors.Count);
        Assert.Equal("cs.LG", entry.PrimaryCategory);
        Assert.Equal("https://arxiv.org/pdf/2305.18290", entry.PdfUrl);
        Assert.DoesNotContain("\n", entry.Abstract, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ErrorEntry_IsAnErrorNotAPaper()
    {
        var feed = ArxivAtomParser.Parse(ArxivAtomWriter.Error("id_list=1234.5", "incorrect id format for 1234.5"));

        Assert.Empty(feed.Entries);
        Assert.Equal("incorrect id format for 1234.5", Assert.Single(feed.Errors));
    }

    [Fact]
    public void Parse_EntityExpansionAttack_ExpandsNothing()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE feed [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2305.18290v1</id><title>&c;</title></entry></feed>
            """;

        var error = Record.Exception(() => ArxivAtomParser.Parse(xml));

        // The DTD is ignored, so the undeclared entity is an XML error, reported as a malformed answer.
        var lookup = Assert.IsType<MetadataLookupException>(error);
        Assert.Equal(MetadataFailure.Malformed, lookup.Failure);
    }

    [Fact]
    public void Parse_NotAtom_IsMalformed()
    {
        var error = Assert.Throws<MetadataLookupException>(() => ArxivAtomParser.Parse("<html><body>Service Unavailable</body></html>"));

        Assert.Contains("not an Atom feed", error.Message, StringComparison.Ordinal);
    }
}
