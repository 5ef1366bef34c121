using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aggregator.Functions.Tests.Harness;

namespace Aggregator.Functions.Tests;

[Collection(FunctionsEnvironment.Collection)]
public sealed partial class ImageTests(FunctionsEnvironment environment)
{
    [Fact]
    public async Task Image_SignedLinkFromTheFeed_ServesTheFigureFromItsOrigin()
    {
        var app = await environment.IngestedAppAsync();
        var proxyUrl = await FigureLinkInTheFeedAsync(app);
        var http = app.Request("GET", proxyUrl.PathAndQuery);

        await app.Function<Image>().RunAsync(http.Request);

        Assert.Equal(200, http.StatusCode);
        Assert.Equal("image/png", http.Response.ContentType);
        Assert.Equal(SampleFeedServer.FigurePng, http.Body);
        Assert.Equal("public, max-age=31536000, immutable", http.Header("Cache-Control"));
        // The origin was asked with the Referer its host accepts.
        Assert.Contains(environment.Feeds.Server.RequestsTo(SampleFeedServer.FigurePath), r => r.Header("Referer") == "https://weibo.com/");
    }

    [Fact]
    public async Task Image_WithoutSignature_Answers400AndFetchesNothing()
    {
        var app = await environment.IngestedAppAsync();
        var before = environment.Feeds.Server.RequestsTo(SampleFeedServer.FigurePath).Count;
        var http = app.Request("GET", "/api/image?url=" + Uri.EscapeDataString(environment.Feeds.FigureUrl));

        await app.Function<Image>().RunAsync(http.Request);

        Assert.Equal(400, http.StatusCode);
        Assert.Equal(before, environment.Feeds.Server.RequestsTo(SampleFeedServer.FigurePath).Count);
    }

    /// <summary>The proxy link the feed gives readers for the figure (JSON Feed, where the HTML is one string).</summary>
    private async Task<Uri> FigureLinkInTheFeedAsync(FunctionsApp app)
    {
        var feed = app.Request("GET", "/api/feed?format=json");
        await app.Function<Feed>().RunAsync(feed.Request);
        using var json = JsonDocument.Parse(feed.BodyText);
        var html = json.RootElement.GetProperty("items").EnumerateArray()
            .Select(i => i.TryGetProperty("content_html", out var content) ? content.GetString() : null)
            .Single(h => h is not null && h.Contains("Figure 1", StringComparison.Ordinal))!;
        var src = ImageSource().Match(html);
        Assert.True(src.Success, $"No proxied image in: {html}");
        var url = new Uri(WebUtility.HtmlDecode(src.Groups["src"].Value));
        Assert.Equal($"https://{HttpInvocation.Host}/api/image", url.GetLeftPart(UriPartial.Path));
        return url;
    }

    [GeneratedRegex("<img[^>]*\\ssrc=\"(?<src>[^\"]+)\"")]
    private static partial Regex ImageSource();
}
