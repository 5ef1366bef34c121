using Aggregator.Hosting;
using Aggregator.Storage;
using Aggregator.Testing.Azurite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Cli.Tests.Commands;

/// <summary>Two `ingest` processes at once on one store (a cron job and a hand-run, say): nothing is stored twice.</summary>
public sealed class ConcurrentIngestProcessesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task TwoIngestProcessesAtOnce_StoreEachPostOnceWithEverySourceThatCarriedIt()
    {
        await using var sources = await SampleSources.StartAsync(
            ("weibo-aikeke", "weibo-ai-researcher.xml", "application/rss+xml; charset=utf-8"),
            ("paperweekly", "paperweekly.xml", "application/xml"),
            ("ml-frontier", "ml-frontier-repost.xml", "text/xml; charset=utf-8"),
            ("csdn-ai-notes", "csdn-ai-notes-gbk.xml", "text/xml"),
            ("chatpaper-daily", "chatpaper-daily.atom", "application/atom+xml"),
            ("arxiv-cs-cl", "arxiv-cs-cl.rdf", "application/rdf+xml"));
        var environment = new Dictionary<string, string>();
        string[] args = ["ingest", "--sources", sources.Path, "--storage", azurite.ConnectionString];

        var runs = await Task.WhenAll(CliRun.ProcessAsync(environment, args), CliRun.ProcessAsync(environment, args));

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.ToString()));
        var posts = await StoredPostsAsync();
        Assert.NotEmpty(posts);
        var sameLink = posts.GroupBy(p => p.Link, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => g.Key + ": " + string.Join(" | ", g.Select(p => $"{p.Id} {p.SourceId} [{string.Join(",", p.Sources.Select(c => c.SourceId))}] fp={p.Fingerprint} {p.Title}")));
        Assert.True(!sameLink.Any(), string.Join("\n", sameLink));
        Assert.Equal(posts.Count, posts.Select(p => p.Text).Distinct(StringComparer.Ordinal).Count());
        // The WeChat article and its repost on another account: one post, both accounts on it.
        var icl = Assert.Single(posts, p => p.Sources.Any(s => s.SourceId == "ml-frontier"));
        Assert.Contains(icl.Sources, s => s.SourceId == "paperweekly");
    }

    private async Task<IReadOnlyList<Post>> StoredPostsAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [SettingNames.Storage] = azurite.ConnectionString,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddAggregator(configuration);
        await using var provider = services.BuildServiceProvider();
        return await provider.GetRequiredService<IPostStore>().GetNewestAsync(new FeedQuery { Limit = 500 });
    }
}
