using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Aggregator.Cli.Commands;
using Aggregator.Testing.Azurite;

namespace Aggregator.Cli.Tests.Commands;

/// <summary>The first command of the README, end to end: fixture feeds over HTTP → Azurite → GET /api/feed.</summary>
public sealed class ServeCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Serve_IngestsAtStartAndServesWellFormedRss()
    {
        await using var sources = await SampleSources.StartAsync(
            ("weibo", "weibo-ai-researcher.xml", "application/rss+xml"),
            ("csdn", "csdn-ai-notes-gbk.xml", "text/xml"),
            ("arxiv", "arxiv-cs-cl.rdf", "application/rdf+xml"));
        await using var app = ServeCommand.Build([], sources.Path, azurite.ConnectionString, "http://127.0.0.1:0", TimeSpan.FromHours(1), noIngest: false);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        await WaitUntilIngestedAsync(http, sourceCount: 3);
        using var response = await http.GetAsync("/api/feed");
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/rss+xml", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        Assert.Equal("2.0", xml.Root!.Attribute("version")!.Value);
        var titles = xml.Root.Element("channel")!.Elements("item").Select(i => i.Element("title")!.Value).ToList();
        Assert.Contains("偏好对齐论文清单：DPO 之后的七篇必读", titles);
        Assert.Contains(titles, t => t.StartsWith("Step-DPO", StringComparison.Ordinal));
        Assert.All(xml.Root.Element("channel")!.Elements("item"), i => Assert.False(string.IsNullOrEmpty(i.Element("guid")?.Value)));
        await app.StopAsync();
    }

    [Fact]
    public async Task Serve_AdminIngestWithoutKey_IsRefused()
    {
        await using var sources = await SampleSources.StartAsync();
        await using var app = ServeCommand.Build([], sources.Path, azurite.ConnectionString, "http://127.0.0.1:0", TimeSpan.FromHours(1), noIngest: true);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var response = await http.PostAsync("/api/ingest", content: null);

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, response.StatusCode.ToString());
        await app.StopAsync();
    }

    [Fact]
    public async Task Serve_AdminIngestWithTheKey_RunsAndReportsEachSource()
    {
        await using var sources = await SampleSources.StartAsync(("arxiv-admin", "arxiv-cs-cl.rdf", "application/rdf+xml"));
        await using var app = ServeCommand.Build(["--ADMIN_KEY=test-admin-key"], sources.Path, azurite.ConnectionString, "http://127.0.0.1:0", TimeSpan.FromHours(1), noIngest: true);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        using var wrongKey = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Headers = { { "X-Admin-Key", "guess" } } };
        using var rightKey = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Headers = { { "X-Admin-Key", "test-admin-key" } } };

        using var refused = await http.SendAsync(wrongKey);
        using var accepted = await http.SendAsync(rightKey);
        using var report = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var arxiv = Assert.Single(report.RootElement.GetProperty("sources").EnumerateArray());
        Assert.Equal("arxiv-admin", arxiv.GetProperty("sourceId").GetString());
        Assert.Equal("ingested", arxiv.GetProperty("outcome").GetString());
        // The class shares one store, so another test may have stored these three already.
        Assert.Equal(3, arxiv.GetProperty("newPosts").GetInt32() + arxiv.GetProperty("known").GetInt32());
        await app.StopAsync();
    }

    private static async Task WaitUntilIngestedAsync(HttpClient http, int sourceCount)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            using var health = JsonDocument.Parse(await http.GetStringAsync("/api/health"));
            var done = health.RootElement.GetProperty("sources").EnumerateArray()
                .Count(s => s.GetProperty("lastAttempt").ValueKind != JsonValueKind.Null);
            if (done == sourceCount)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("serve did not ingest its sources within 30 seconds.");
    }
}
