using System.Xml.Linq;
using Aggregator.Functions.Tests.Harness;

namespace Aggregator.Functions.Tests;

[Collection(FunctionsEnvironment.Collection)]
public sealed class PapersTests(FunctionsEnvironment environment)
{
    [Fact]
    public async Task Papers_Get_AnswersOneItemPerPaperTheSourcesDiscussed()
    {
        var app = await environment.IngestedAppAsync();
        var http = app.Request("GET", "/api/papers");

        await app.Function<Papers>().RunAsync(http.Request);

        Assert.Equal(200, http.StatusCode);
        Assert.StartsWith("application/rss+xml", http.Response.ContentType, StringComparison.Ordinal);
        var items = XDocument.Parse(http.BodyText).Root!.Element("channel")!.Elements("item").ToList();
        // Step-DPO reached us through Weibo, the CSDN list and arXiv: one item.
        Assert.Single(items, i => i.ToString().Contains("2406.18629", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Papers_WithMatchingIfNoneMatch_Answers304()
    {
        var app = await environment.IngestedAppAsync();
        var first = app.Request("GET", "/api/papers");
        await app.Function<Papers>().RunAsync(first.Request);
        var again = app.Request("GET", "/api/papers").WithHeader("If-None-Match", first.Header("ETag")!);

        await app.Function<Papers>().RunAsync(again.Request);

        Assert.Equal(304, again.StatusCode);
        Assert.Empty(again.Body);
    }
}
