using Aggregator.Sources;

namespace Aggregator.Tests.Sources;

public sealed class SourceCatalogTests
{
    private static readonly Uri FileBase = new("file:///srv/aggregator/sources.json");

    [Fact]
    public void Parse_RelativeUrl_ResolvesAgainstTheSourcesFile()
    {
        var catalog = SourceCatalog.Parse("""{ "sources": [ { "id": "a", "name": "A", "url": "feeds/a.xml", "type": "feed" } ] }""", FileBase, "test");

        Assert.Equal(new Uri("file:///srv/aggregator/feeds/a.xml"), catalog.Sources[0].Url);
    }

    [Fact]
    public void Parse_BareArrayWithDefaults_ReadsFeedSourceNamedAfterItsId()
    {
        var catalog = SourceCatalog.Parse("""[ { "id": "arxiv", "url": "https://rss.arxiv.org/rss/cs.CL" } ]""", FileBase, "test");

        var source = Assert.Single(catalog.Sources);
        Assert.Equal(SourceType.Feed, source.Type);
        Assert.Equal("arxiv", source.Name);
        Assert.True(source.Enabled);
        Assert.False(source.FullText);
        Assert.False(source.AllowPrivateNetwork);
    }

    [Fact]
    public void Parse_AllowPrivateNetwork_MarksOnlyThatSourceAsInternal()
    {
        var catalog = SourceCatalog.Parse("""
            { "sources": [
              { "id": "intranet", "url": "http://wiki.corp.internal/feed.xml", "allowPrivateNetwork": true },
              { "id": "public", "url": "https://example.org/feed.xml" } ] }
            """, FileBase, "test");

        Assert.True(catalog.Sources[0].AllowPrivateNetwork);
        Assert.False(catalog.Sources[1].AllowPrivateNetwork);
    }

    [Fact]
    public void Parse_PageWithSelectors_ReadsEverySelector()
    {
        var catalog = SourceCatalog.Parse("""
            { "sources": [ { "id": "blog", "name": "Blog", "url": "https://example.org/list", "type": "page", "fullText": true,
              "selectors": { "item": "li.post", "link": "a.title", "title": "a.title", "date": "time", "content": "article", "remove": [".share", ".related"] } } ] }
            """, FileBase, "test");

        var source = Assert.Single(catalog.Sources);
        Assert.Equal(SourceType.Page, source.Type);
        Assert.True(source.FullText);
        Assert.Equal("li.post", source.Selectors!.Item);
        Assert.Equal("article", source.Selectors.Content);
        Assert.Equal([".share", ".related"], source.Selectors.Remove);
    }

    [Theory]
    [InlineData("""{ "sources": [ { "name": "x", "url": "https://a.example/" } ] }""", "sources[0]: field 'id' is required")]
    [InlineData("""{ "sources": [ { "id": "x", "name": "x" } ] }""", "sources[0] (id 'x'): field 'url' is required")]
    [InlineData("""{ "sources": [ { "id": "x", "url": "https://a.example/", "type": "podcast" } ] }""", "sources[0] (id 'x'): field 'type' must be \"feed\" or \"page\"")]
    [InlineData("""{ "sources": [ { "id": "x", "url": "ftp://a.example/feed" } ] }""", "field 'url' must be http(s), file or a relative path")]
    [InlineData("""{ "sources": [ { "id": "a b", "url": "https://a.example/" } ] }""", "field 'id' may hold only letters")]
    [InlineData("""{ "sources": [ { "id": "x", "url": "https://a.example/", "fullText": "yes" } ] }""", "field 'fullText' must be true or false")]
    [InlineData("""{ "sources": [ { "id": "x", "url": "https://a.example/", "allowPrivateNetwork": "yes" } ] }""", "field 'allowPrivateNetwork' must be true or false")]
    [InlineData("""{ "sources": [ { "id": "x", "url": "https://a/" }, { "id": "x", "url": "https://b/" } ] }""", "sources[1] (id 'x'): field 'id' repeats")]
    [InlineData("""{ "feeds": [] }""", "expected a \"sources\" array")]
    [InlineData("""{ "sources": [ { "id": "x", "url": "https://a/", } """, "not valid JSON")]
    public void Parse_InvalidEntry_NamesTheEntryAndTheField(string json, string expected)
    {
        var error = Assert.Throws<SourceCatalogException>(() => SourceCatalog.Parse(json, FileBase, "sources.json"));

        Assert.StartsWith("sources.json", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_SaysWhichFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json");

        var error = Assert.Throws<SourceCatalogException>(() => SourceCatalog.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BundledSamples_AreValidAndResolveToExistingFiles()
    {
        var catalog = SourceCatalog.Load(Aggregator.Testing.Paths.RepositoryPaths.InRoot("samples", "sources.json"));

        Assert.NotEmpty(catalog.Sources);
        Assert.All(catalog.Sources, s => Assert.True(File.Exists(s.Url.LocalPath), $"{s.Id}: {s.Url.LocalPath} is missing"));
    }

    [Fact]
    public void Load_RootSources_AreValidPublicUrls()
    {
        var catalog = SourceCatalog.Load(Aggregator.Testing.Paths.RepositoryPaths.InRoot("sources.json"));

        Assert.All(catalog.Sources, s => Assert.Equal("https", s.Url.Scheme));
    }
}
