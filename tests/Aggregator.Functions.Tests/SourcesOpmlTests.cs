using System.Xml.Linq;
using Aggregator.Functions.Tests.Harness;

namespace Aggregator.Functions.Tests;

[Collection(FunctionsEnvironment.Collection)]
public sealed class SourcesOpmlTests(FunctionsEnvironment environment)
{
    [Fact]
    public async Task SourcesOpml_Get_ListsEveryFeedSourceWithItsOwnFeedUrl()
    {
        var app = await environment.IngestedAppAsync();
        var http = app.Request("GET", "/api/sources.opml");

        await app.Function<SourcesOpml>().RunAsync(http.Request);

        Assert.Equal(200, http.StatusCode);
        Assert.Equal("text/x-opml; charset=utf-8", http.Response.ContentType);
        var outlines = XDocument.Parse(http.BodyText).Descendants("outline").Where(o => o.Attribute("xmlUrl") is not null).ToList();
        Assert.Equal(
            [environment.Feeds.Server.Url(SampleFeed.Weibo.Path), environment.Feeds.Server.Url(SampleFeed.Csdn.Path),
                environment.Feeds.Server.Url(SampleFeed.Arxiv.Path), environment.Feeds.Server.Url(SampleFeedServer.FiguresPath)],
            outlines.Select(o => new Uri(o.Attribute("xmlUrl")!.Value)));
    }
}
