using System.Text.Json;
using Aggregator.Parsing;

namespace Aggregator.Tests.Parsing;

public sealed class ParseReportTests
{
    [Fact]
    public void WriteJson_ParsedFeed_ReportsFormatEncodingWarningsAndItems()
    {
        var feed = ParsingFixtures.Read("gbk-declared.xml");
        var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            ParseReport.WriteJson(writer, feed, new ParseReportContext("fixture:gbk", link => link.Replace("https://www.", "https://", StringComparison.Ordinal)));
        }

        using var json = JsonDocument.Parse(stream.ToArray());
        var root = json.RootElement;
        Assert.Equal("fixture:gbk", root.GetProperty("source").GetString());
        Assert.Equal("Rss_2_0", root.GetProperty("format").GetString());
        Assert.Equal("gb18030", root.GetProperty("encoding").GetString());
        Assert.NotEqual(0, root.GetProperty("warnings").GetArrayLength());
        Assert.Equal("机器之心 - 论文速递", root.GetProperty("feed").GetProperty("title").GetString());
        Assert.Equal(2, root.GetProperty("itemCount").GetInt32());
        var item = root.GetProperty("items")[0];
        Assert.Equal("https://www.jiqizhixin.com/articles/2025-04-23-6", item.GetProperty("link").GetString());
        Assert.Equal("https://jiqizhixin.com/articles/2025-04-23-6", item.GetProperty("canonicalLink").GetString());
        Assert.Equal("2025-04-23T13:11:00+08:00", item.GetProperty("published").GetString());
        Assert.Equal("机器之心编辑部", item.GetProperty("authors")[0].GetString());
        Assert.Equal(2, item.GetProperty("categories").GetArrayLength());
        Assert.Equal(JsonValueKind.Array, item.GetProperty("enclosures").ValueKind);
    }

    [Fact]
    public void WriteJson_WithoutCanonicaliser_OmitsCanonicalLink()
    {
        var feed = ParsingFixtures.Read("jsonfeed-1.1.json");
        var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            ParseReport.WriteJson(writer, feed, new ParseReportContext());
        }

        using var json = JsonDocument.Parse(stream.ToArray());
        var item = json.RootElement.GetProperty("items")[0];
        Assert.False(item.TryGetProperty("canonicalLink", out _));
        Assert.Equal(812345, item.GetProperty("enclosures")[0].GetProperty("length").GetInt64());
    }
}
