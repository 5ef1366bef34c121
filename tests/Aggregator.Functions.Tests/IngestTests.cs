using Aggregator.Functions.Tests.Harness;
using Aggregator.Hosting;
using Aggregator.Ingestion;
using Aggregator.Ingestion.Queue;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aggregator.Functions.Tests;

[Collection(FunctionsEnvironment.Collection)]
public sealed class IngestTests(FunctionsEnvironment environment)
{
    [Fact]
    public async Task Ingest_OnSchedule_QueuesEverySourceAndTheQueueTriggerIngestsThemIntoTheFeed()
    {
        await using var app = environment.NewApp([environment.Feeds.Source(SampleFeed.Arxiv), environment.Feeds.Source(SampleFeed.Csdn)]);
        var server = environment.Feeds.Server;
        var before = server.RequestsTo(SampleFeed.Arxiv.Path).Count + server.RequestsTo(SampleFeed.Csdn.Path).Count;

        await app.Function<Ingest>().RunAsync(new TimerInfo { IsPastDue = false }, CancellationToken.None);

        // The timer only queues: nothing is fetched until the messages are delivered.
        Assert.Equal(before, server.RequestsTo(SampleFeed.Arxiv.Path).Count + server.RequestsTo(SampleFeed.Csdn.Path).Count);
        var queued = Assert.Single(app.Logs.From<Ingest>(), e => e.Level == LogLevel.Information);
        Assert.Equal(2, queued["Sources"]);
        Assert.DoesNotContain(app.Logs.From<Ingest>(), e => e.Level == LogLevel.Warning);

        var delivered = await app.DeliverQueuedAsync();

        Assert.Equal(["arxiv", "csdn"], delivered.Select(w => w.SourceId).Order(StringComparer.Ordinal));
        Assert.Single(delivered.Select(w => w.RunId).Distinct());
        Assert.Equal(before + 2, server.RequestsTo(SampleFeed.Arxiv.Path).Count + server.RequestsTo(SampleFeed.Csdn.Path).Count);
        var feed = app.Request("GET", "/api/feed");
        await app.Function<Feed>().RunAsync(feed.Request);
        Assert.Contains("偏好对齐论文清单：DPO 之后的七篇必读", feed.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_PastDue_LogsThatTheTimerFiredLateAndStillQueues()
    {
        await using var app = environment.NewApp([environment.Feeds.Source(SampleFeed.Arxiv)]);

        await app.Function<Ingest>().RunAsync(new TimerInfo { IsPastDue = true }, CancellationToken.None);

        var late = Assert.Single(app.Logs.From<Ingest>(), e => e.Level == LogLevel.Warning);
        Assert.Contains("late", late.Message, StringComparison.Ordinal);
        Assert.Contains(app.Logs.From<Ingest>(), e => e.Level == LogLevel.Information && (int)e["Sources"]! == 1);
        Assert.Equal("arxiv", Assert.Single(await app.DeliverQueuedAsync()).SourceId);
    }

    [Fact]
    public async Task Ingest_SourceBackingOff_IsNotQueued()
    {
        // The first run fails on the missing feed and backs it off; the second run queues only the healthy source.
        await using var app = environment.NewApp(
            [environment.Feeds.Source(SampleFeed.Arxiv), new { id = "gone", name = "Gone", url = environment.Feeds.Server.Url("/no-such-feed.xml").AbsoluteUri, allowPrivateNetwork = true }]);
        await app.RunScheduledIngestAsync();

        var second = await app.RunScheduledIngestAsync();

        Assert.Equal(["arxiv"], second.Select(w => w.SourceId));
    }

    [Fact]
    public async Task IngestSource_DeliveredTwice_StoresItsPostsOnce()
    {
        await using var app = environment.NewApp([environment.Feeds.Source(SampleFeed.Csdn)]);
        var work = new SourceWork("csdn", "run-1", IgnoreBackoff: true);
        var runner = app.Services.GetRequiredService<IngestionRunner>();

        var first = await runner.RunOneAsync(work);
        var again = await runner.RunOneAsync(work with { Attempt = 2 });

        Assert.True(first.NewPosts > 0);
        Assert.Equal(0, again.NewPosts);
        var posts = await app.Services.GetRequiredService<Aggregator.Storage.IPostStore>().GetNewestAsync(new Aggregator.Storage.FeedQuery { Limit = 200 });
        Assert.Equal(first.NewPosts, posts.Count);
    }

    [Fact]
    public async Task IngestPoisoned_RecordsTheGiveUpOnTheSourceState()
    {
        await using var app = environment.NewApp([environment.Feeds.Source(SampleFeed.Arxiv)]);
        var poison = app.Services.GetRequiredService<StorageConnection>().CreateQueueServiceClient().GetQueueClient(IngestQueueNames.Poison);
        await poison.SendMessageAsync(new SourceWork("arxiv", "run-7").ToJson());
        var message = Assert.Single((await poison.ReceiveMessagesAsync(1)).Value);

        await app.Function<IngestPoisoned>().RunAsync(message, CancellationToken.None);

        var state = await app.Services.GetRequiredService<Aggregator.Storage.ISourceStateStore>().GetAsync("arxiv");
        Assert.NotNull(state);
        Assert.Contains("run-7", state.LastError, StringComparison.Ordinal);
        Assert.Contains(IngestQueueNames.Poison, state.LastError, StringComparison.Ordinal);
        Assert.Equal(1, state.FailureCount);
    }

    [Fact]
    public async Task Ingest_HostShuttingDown_StopsWithoutFetching()
    {
        await using var app = environment.NewApp([environment.Feeds.Source(SampleFeed.Weibo)]);
        using var shutdown = new CancellationTokenSource();
        await shutdown.CancelAsync();
        var requestsBefore = environment.Feeds.Server.RequestsTo(SampleFeed.Weibo.Path).Count;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => app.Function<Ingest>().RunAsync(new TimerInfo(), shutdown.Token));

        Assert.Equal(requestsBefore, environment.Feeds.Server.RequestsTo(SampleFeed.Weibo.Path).Count);
    }
}
