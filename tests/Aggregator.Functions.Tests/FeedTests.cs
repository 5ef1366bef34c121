using System.Xml.Linq;
using Aggregator.Functions.Tests.Harness;
using Microsoft.AspNetCore.Mvc;

namespace Aggregator.Functions.Tests;

[Collection(FunctionsEnvironment.Collection)]
public sealed class FeedTests(FunctionsEnvironment environment)
{
    [Fact]
    public async Task Feed_Get_AnswersRssOfTheIngestedPostsWithValidators()
    {
        var app = await environment.IngestedAppAsync();
        var http = app.Request("GET", "/api/feed");

        var result = await app.Function<Feed>().RunAsync(http.Request);

        // The library wrote the whole response; the integration must have nothing left to write.
        Assert.IsType<EmptyResult>(result);
        Assert.Equal(200, http.StatusCode);
        Assert.StartsWith("application/rss+xml", http.Response.ContentType, StringComparison.Ordinal);
        Assert.StartsWith("public, max-age=", http.Header("Cache-Control"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(http.Header("ETag")));
        Assert.Equal(http.Body.Length, http.Response.ContentLength);
        var titles = XDocument.Parse(http.BodyText).Root!.Element("channel")!.Elements("item").Select(i => i.Element("title")!.Value).ToList();
        Assert.Contains("偏好对齐论文清单：DPO 之后的七篇必读", titles);
        Assert.Contains(titles, t => t.StartsWith("Step-DPO", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Feed_WithMatchingIfNoneMatch_Answers304WithoutABody()
    {
        var app = await environment.IngestedAppAsync();
        var first = app.Request("GET", "/api/feed");
        await app.Function<Feed>().RunAsync(first.Request);
        var etag = first.Header("ETag")!;
        var again = app.Request("GET", "/api/feed").WithHeader("If-None-Match", etag);

        await app.Function<Feed>().RunAsync(again.Request);

        Assert.Equal(304, again.StatusCode);
        Assert.Empty(again.Body);
        Assert.Equal(etag, again.Header("ETag"));
    }

    [Fact]
    public async Task Feed_WithAnotherETag_AnswersTheWholeFeed()
    {
        var app = await environment.IngestedAppAsync();
        var http = app.Request("GET", "/api/feed").WithHeader("If-None-Match", "\"an-older-version\"");

        await app.Function<Feed>().RunAsync(http.Request);

        Assert.Equal(200, http.StatusCode);
        Assert.NotEmpty(http.Body);
    }

    [Fact]
    public async Task Feed_Head_AnswersTheHeadersWithoutTheBody()
    {
        var app = await environment.IngestedAppAsync();
        var get = app.Request("GET", "/api/feed");
        await app.Function<Feed>().RunAsync(get.Request);
        var head = app.Request("HEAD", "/api/feed");

        await app.Function<Feed>().RunAsync(head.Request);

        Assert.Equal(200, head.StatusCode);
        Assert.Empty(head.Body);
        Assert.Equal(get.Header("ETag"), head.Header("ETag"));
        Assert.Equal(get.Body.Length, head.Response.ContentLength);
    }

    [Fact]
    public async Task Feed_WithAnUnknownFormat_Answers400()
    {
        var app = await environment.IngestedAppAsync();
        var http = app.Request("GET", "/api/feed?format=docx");

        await app.Function<Feed>().RunAsync(http.Request);

        Assert.Equal(400, http.StatusCode);
        Assert.Contains("format", http.BodyText, StringComparison.OrdinalIgnoreCase);
    }
}
