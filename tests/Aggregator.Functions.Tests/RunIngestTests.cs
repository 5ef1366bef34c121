using System.Text.Json;
using Aggregator.Functions.Tests.Harness;
using Aggregator.Hosting;

namespace Aggregator.Functions.Tests;

[Collection(FunctionsEnvironment.Collection)]
public sealed class RunIngestTests(FunctionsEnvironment environment)
{
    [Fact]
    public async Task RunIngest_Post_QueuesEverySourceAndAnswers202WithTheRun()
    {
        await using var app = environment.NewApp([environment.Feeds.Source(SampleFeed.Arxiv), environment.Feeds.Source(SampleFeed.Csdn)]);
        var http = app.Request("POST", "/api/ingest");

        await app.Function<RunIngest>().RunAsync(http.Request);

        Assert.Equal(202, http.StatusCode);
        Assert.Equal("application/json; charset=utf-8", http.Response.ContentType);
        Assert.Equal("no-store", http.Header("Cache-Control"));
        using var answer = JsonDocument.Parse(http.BodyText);
        Assert.Equal(2, answer.RootElement.GetProperty("queued").GetInt32());
        var runId = answer.RootElement.GetProperty("runId").GetString();
        var delivered = await app.DeliverQueuedAsync();
        Assert.Equal(["arxiv", "csdn"], delivered.Select(w => w.SourceId).Order(StringComparer.Ordinal));
        Assert.All(delivered, w => Assert.Equal(runId, w.RunId));
    }

    [Fact]
    public async Task RunIngest_WithoutAnAdminKeySet_RunsBecauseTheFunctionKeyGuardsTheRoute()
    {
        await using var app = environment.NewApp([environment.Feeds.Source(SampleFeed.Arxiv)]);
        Assert.Null(app.Configuration[SettingNames.AdminKey]);
        var http = app.Request("POST", "/api/ingest");

        await app.Function<RunIngest>().RunAsync(http.Request);

        // The CLI would answer 403 here; under Functions the host checked the function key before the call.
        Assert.Equal(202, http.StatusCode);
    }

    [Fact]
    public async Task RunIngest_Force_QueuesASourceThatIsBackingOff()
    {
        await using var app = environment.NewApp(
            [new { id = "gone", name = "Gone", url = environment.Feeds.Server.Url("/no-such-feed.xml").AbsoluteUri, allowPrivateNetwork = true }]);
        await app.RunScheduledIngestAsync();
        await app.Function<RunIngest>().RunAsync(app.Request("POST", "/api/ingest").Request);
        Assert.Empty(await app.DeliverQueuedAsync());
        var forced = app.Request("POST", "/api/ingest?force=true");

        await app.Function<RunIngest>().RunAsync(forced.Request);

        var work = Assert.Single(await app.DeliverQueuedAsync());
        Assert.True(work.IgnoreBackoff);
    }
}
