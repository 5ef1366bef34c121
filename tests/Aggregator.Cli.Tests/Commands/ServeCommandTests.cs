using System.Net;
using System.Net.Sockets;
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
        await using var app = ServeCommand.Build(Arguments(sources) with { NoIngest = false });
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
    public async Task ServeQueue_FansOutThroughTheAzuriteQueue_AndTheFeedShowsThePosts()
    {
        await using var sources = await SampleSources.StartAsync(
            ("weibo-q", "weibo-ai-researcher.xml", "application/rss+xml"),
            ("arxiv-q", "arxiv-cs-cl.rdf", "application/rdf+xml"));
        await using var app = ServeCommand.Build(Arguments(sources) with { NoIngest = false, Queue = true, HostArgs = ["--ADMIN_KEY=queue-key"] });
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        // The start-up run queued both sources; the consumer in this process ingested them.
        await WaitUntilIngestedAsync(http, sourceCount: 2);
        var feed = await http.GetStringAsync("/api/feed");
        Assert.Contains(XDocument.Parse(feed).Root!.Element("channel")!.Elements("item"),
            i => i.Element("title")!.Value.StartsWith("Step-DPO", StringComparison.Ordinal));

        using var admin = new HttpRequestMessage(HttpMethod.Post, "/api/ingest?force=true") { Headers = { { "X-Admin-Key", "queue-key" } } };
        using var queued = await http.SendAsync(admin);
        using var answer = JsonDocument.Parse(await queued.Content.ReadAsStringAsync());

        // With --queue the admin route only queues, as in Azure: 202 and the run's id.
        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        Assert.Equal(2, answer.RootElement.GetProperty("queued").GetInt32());
        Assert.False(string.IsNullOrEmpty(answer.RootElement.GetProperty("runId").GetString()));
        await app.StopAsync();
    }

    [Fact]
    public async Task Serve_AdminIngestWithoutKey_IsRefused()
    {
        await using var sources = await SampleSources.StartAsync();
        await using var app = ServeCommand.Build(Arguments(sources));
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
        await using var app = ServeCommand.Build(Arguments(sources) with { HostArgs = ["--ADMIN_KEY=test-admin-key"] });
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

    [Fact]
    public async Task Serve_PortInUse_SaysSoInOneLineAndExits2()
    {
        await using var sources = await SampleSources.StartAsync();
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;

        var run = await CliRun.InProcessAsync(
            "serve", "--no-ingest", "--urls", $"http://127.0.0.1:{port}", "--sources", sources.Path, "--storage", azurite.ConnectionString);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"Port {port} is in use (http://127.0.0.1:{port})", line, StringComparison.Ordinal);
        Assert.Contains("--port", line, StringComparison.Ordinal);
        Assert.False(run.HasStackTrace, run.ToString());
    }

    [Fact]
    public async Task Serve_StorageNotListening_SaysSoBeforeListeningAndExits3()
    {
        await using var sources = await SampleSources.StartAsync();
        var storage = CliRun.ConnectionString($"http://127.0.0.1:{CliRun.ClosedPort()}/devstoreaccount1");

        var run = await CliRun.InProcessAsync("serve", "--port", CliRun.ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture), "--sources", sources.Path, "--storage", storage);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("Storage unavailable: nothing answers at http://127.0.0.1:", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Feed:", run.Out, StringComparison.Ordinal);
        Assert.False(run.HasStackTrace, run.ToString());
    }

    private ServeArguments Arguments(SampleSources sources) =>
        new(new PipelineArguments(sources.Path, azurite.ConnectionString)) { Urls = "http://127.0.0.1:0", Interval = TimeSpan.FromHours(1), NoIngest = true };

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
