using System.Xml.Linq;
using Aggregator.Functions.Tests.Harness;

namespace Aggregator.Functions.Tests;

[Collection(FunctionsEnvironment.Collection)]
public sealed class FeedStylesheetTests(FunctionsEnvironment environment)
{
    private static readonly XNamespace Xsl = "http://www.w3.org/1999/XSL/Transform";

    [Fact]
    public async Task FeedStylesheet_Get_AnswersAnXslStylesheetBrowsersMayCache()
    {
        var app = await environment.IngestedAppAsync();
        var http = app.Request("GET", "/api/feed.xsl");

        await app.Function<FeedStylesheet>().RunAsync(http.Request);

        Assert.Equal(200, http.StatusCode);
        Assert.Equal("text/xsl; charset=utf-8", http.Response.ContentType);
        Assert.StartsWith("public, max-age=", http.Header("Cache-Control"), StringComparison.Ordinal);
        Assert.Equal(Xsl + "stylesheet", XDocument.Parse(http.BodyText).Root!.Name);
    }
}
