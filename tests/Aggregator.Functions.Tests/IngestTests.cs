using Aggregator.Functions.Tests.Harness;
using Aggregator.Hosting;
using Aggregator.Ingestion;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aggregator.Functions.Tests;

[Collection(FunctionsEnvironment.Collection)]
public sealed class IngestTests(FunctionsEnvironment environment)
{
    [Fact]
    public async Task Ingest_OnSchedule_FetchesEverySourceAndTheFeedShowsTheirPosts()
    {
        await using var app = environment.NewApp([environment.Feeds.Source(SampleFeed.Arxiv), environment.Feeds.Source(SampleFeed.Csdn)]);
        var server = environment.Feeds.Server;
        var before = server.RequestsTo(SampleFeed.Arxiv.Path).Count + server.RequestsTo(SampleFeed.Csdn.Path).Count;

        await app.Function<Ingest>().RunAsync(new TimerInfo { IsPastDue = false }, CancellationToken.None);

        Assert.Equal(before + 2, server.RequestsTo(SampleFeed.Arxiv.Path).Count + server.RequestsTo(SampleFeed.Csdn.Path).Count);
        var summary = Assert.Single(app.Logs.From<Ingest>(), e => e.Level == LogLevel.Information);
        Assert.Equal(2, summary["Sources"]);
        Assert.Equal(0, summary["Failed"]);
        Assert.True((int)summary["NewPosts"]! > 0);
        Assert.DoesNotContain(app.Logs.From<Ingest>(), e => e.Level == LogLevel.Warning);
        var feed = app.Request("GET", "/api/feed");
        await app.Function<Feed>().RunAsync(feed.Request);
        Assert.Contains("偏好对齐论文清单：DPO 之后的七篇必读", feed.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_PastDue_LogsThatTheTimerFiredLateAndStillRuns()
    {
        await using var app = environment.NewApp([environment.Feeds.Source(SampleFeed.Arxiv)]);

        await app.Function<Ingest>().RunAsync(new TimerInfo { IsPastDue = true }, CancellationToken.None);

        var late = Assert.Single(app.Logs.From<Ingest>(), e => e.Level == LogLevel.Warning);
        Assert.Contains("late", late.Message, StringComparison.Ordinal);
        Assert.Contains(app.Logs.From<Ingest>(), e => e.Level == LogLevel.Information && (int)e["NewPosts"]! > 0);
    }

    [Fact]
    public async Task Ingest_TimeBudgetUsedUp_LeavesTheRemainingSourcesForTheNextRun()
    {
        // Every feed takes two seconds to answer and sources are read one at a time, so a one-second budget is spent
        // while the first source is fetched: the other two must not be started.
        await using var slowFeeds = await SampleFeedServer.StartAsync(delay: TimeSpan.FromSeconds(2));
        await using var app = environment.NewApp(
            [slowFeeds.Source(SampleFeed.Arxiv), slowFeeds.Source(SampleFeed.Csdn), slowFeeds.Source(SampleFeed.Weibo)],
            new Dictionary<string, string?> { [SettingNames.IngestTimeBudget] = "00:00:01" },
            services => services.Configure<IngestionOptions>(o => o.MaxParallelSources = 1));

        await app.Function<Ingest>().RunAsync(new TimerInfo(), CancellationToken.None);
        var fetchedInFirstRun = slowFeeds.Server.Requests.Select(r => r.Path).ToList();
        await app.Function<Ingest>().RunAsync(new TimerInfo(), CancellationToken.None);
        var fetchedInSecondRun = slowFeeds.Server.Requests.Skip(fetchedInFirstRun.Count).Select(r => r.Path).ToList();

        Assert.Equal([SampleFeed.Arxiv.Path], fetchedInFirstRun);
        // The sources not reached go first next time, and this run's budget again stops after one.
        Assert.Equal([SampleFeed.Csdn.Path], fetchedInSecondRun);
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
