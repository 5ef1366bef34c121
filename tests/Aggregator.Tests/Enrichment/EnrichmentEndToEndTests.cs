using System.Net;
using System.Text.Json;
using Aggregator.Enrichment;
using Aggregator.Hosting;
using Aggregator.Publishing;
using Aggregator.Storage;
using Aggregator.Testing.Azurite;
using Aggregator.Testing.Http;
using Aggregator.Testing.Metadata;
using Aggregator.Testing.Papers;
using Aggregator.Tests.Ingestion;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Tests.Enrichment;

/// <summary>
/// Fixture posts (a CSDN title list, an English blog linking arXiv ids) in a feed → an ingest run of the real
/// composition → enrichment against loopback arXiv and OpenReview → Azurite → both feeds.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class EnrichmentEndToEndTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task IngestRun_TitleListAndIdLinks_BecomeOneCanonicalPaperInBothFeeds()
    {
        await using var arxiv = await FakeArxivService.StartAsync(catalogue: [MetadataSamples.Dpo, MetadataSamples.Kto]);
        await using var openReview = await FakeOpenReviewService.StartAsync();
        await using var origin = await LoopbackServer.StartAsync();
        origin.Map("/feed.xml", LoopbackResponse.Text(Feed(), "application/rss+xml; charset=utf-8"));
        await using var harness = new IngestionHarness(
            azurite,
            [IngestionHarness.Feed("blogs", origin.Url("/feed.xml"))],
            settings: new Dictionary<string, string?>
            {
                [SettingNames.EnrichmentEnabled] = "true",
                [$"{EnrichmentServiceCollectionExtensions.Section}:{nameof(EnrichmentOptions.ArxivQueryUrl)}"] = arxiv.QueryUrl.AbsoluteUri,
                [$"{EnrichmentServiceCollectionExtensions.Section}:{nameof(EnrichmentOptions.OpenReviewApiUrl)}"] = openReview.ApiUrl.AbsoluteUri,
                [$"{EnrichmentServiceCollectionExtensions.Section}:{nameof(EnrichmentOptions.ArxivRequestInterval)}"] = "00:00:00.050",
                [$"{EnrichmentServiceCollectionExtensions.Section}:{nameof(EnrichmentOptions.OpenReviewRequestInterval)}"] = "00:00:00.050",
            });

        await harness.RunAsync();

        var dpo = Assert.Single(await harness.Papers.GetNewestAsync(new FeedQuery { Limit = 100 }), p => p.ArxivId == "2305.18290");
        Assert.Equal(MetadataSamples.DpoTitle, dpo.Title);
        Assert.Equal(["https://blogs.example/blog-links", "https://blogs.example/csdn-list"], dpo.Coverage.Select(c => c.PostLink).Order(StringComparer.Ordinal));
        Assert.NotNull(dpo.Lookup.ArxivFetched);

        using var papersFeed = JsonDocument.Parse(await GetAsync(harness, "/api/papers", "?format=json"));
        var item = papersFeed.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("title").GetString() == MetadataSamples.DpoTitle);
        var html = item.GetProperty("content_html").GetString()!;
        Assert.Contains("While large-scale unsupervised language models", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("Authors: Rafael Rafailov, Archit Sharma", html, StringComparison.Ordinal);
        Assert.Contains("Covered by 1 source", html, StringComparison.Ordinal);
        Assert.Contains("偏好优化论文清单", html, StringComparison.Ordinal);
        Assert.Contains("Reading list: preference optimisation", html, StringComparison.Ordinal);
        Assert.Equal(["arXiv:2305.18290"], item.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));

        using var postsFeed = JsonDocument.Parse(await GetAsync(harness, "/api/feed", "?format=json"));
        var blog = postsFeed.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("title").GetString() == "Reading list: preference optimisation");
        Assert.Contains($">{MetadataSamples.DpoTitle}</a>", blog.GetProperty("content_html").GetString(), StringComparison.Ordinal);
        Assert.Contains("arXiv:2305.18290", blog.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.DoesNotContain(blog.GetProperty("tags").EnumerateArray(), t => t.GetString()!.StartsWith('p') && t.GetString()!.Length == 25);
    }

    private static string Feed()
    {
        var csdn = PaperCorpus.LoadPost("csdn-title-list")!;
        var blog = PaperCorpus.LoadPost("english-blog-links")!;
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Blogs</title><link>https://blogs.example/</link>
            <item><title>偏好优化论文清单</title><link>https://blogs.example/csdn-list</link><guid>csdn-list</guid><pubDate>Mon, 10 Jun 2024 08:00:00 GMT</pubDate>
            <description>{WebUtility.HtmlEncode(csdn.Html)}</description></item>
            <item><title>Reading list: preference optimisation</title><link>https://blogs.example/blog-links</link><guid>blog-links</guid><pubDate>Tue, 11 Jun 2024 08:00:00 GMT</pubDate>
            <description>{WebUtility.HtmlEncode(blog.Html)}</description></item>
            </channel></rss>
            """;
    }

    private static async Task<string> GetAsync(IngestionHarness harness, string path, string query)
    {
        var endpoints = harness.Services.GetRequiredService<FeedEndpoints>();
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("feeds.example");
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        using var body = new MemoryStream();
        context.Response.Body = body;
        await (path == "/api/papers" ? endpoints.PapersAsync(context) : endpoints.FeedAsync(context));
        Assert.Equal(200, context.Response.StatusCode);
        return System.Text.Encoding.UTF8.GetString(body.ToArray());
    }
}
