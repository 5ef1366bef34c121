using Aggregator.Hosting;
using Aggregator.Testing.Azurite;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Functions.Tests.Harness;

/// <summary>
/// What the tests of the <see cref="Collection"/> share: a real Azurite, the sample feeds on a loopback server, and one
/// app that has ingested them (for the tests that only read). Tests that change what is stored build their own
/// <see cref="FunctionsApp"/>, on tables of their own.
/// </summary>
public sealed class FunctionsEnvironment : IAsyncLifetime
{
    public const string Collection = "Functions";

    /// <summary>Signs image-proxy links in the shared app.</summary>
    public const string ImageSigningKey = "functions-tests-signing-key";

    private readonly AzuriteFixture azurite = new();
    private readonly SemaphoreSlim ingesting = new(1, 1);
    private SampleFeedServer? feeds;
    private FunctionsApp? ingested;

    public SampleFeedServer Feeds => feeds ?? throw new InvalidOperationException("The environment has not been initialised.");

    public string StorageConnectionString => azurite.ConnectionString;

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        feeds = await SampleFeedServer.StartAsync();
    }

    /// <summary>
    /// The shared app, after one scheduled ingest of three sample feeds and the figures feed. Its image proxy is on and
    /// treats <c>localhost</c> as a hot-link-protected host, so the figure is served through <see cref="Image"/>.
    /// </summary>
    public async Task<FunctionsApp> IngestedAppAsync()
    {
        await ingesting.WaitAsync();
        try
        {
            if (ingested is null)
            {
                var app = NewApp(
                    [Feeds.Source(SampleFeed.Weibo), Feeds.Source(SampleFeed.Csdn), Feeds.Source(SampleFeed.Arxiv), Feeds.FiguresSource],
                    new Dictionary<string, string?>
                    {
                        [SettingNames.ImageProxySigningKey] = ImageSigningKey,
                        ["ImageProxy:AllowLoopbackForTests"] = "true",
                        ["ImageProxy:Referers:localhost"] = "https://weibo.com/",
                    });
                await app.RunScheduledIngestAsync();
                ingested = app;
            }

            return ingested;
        }
        finally
        {
            ingesting.Release();
        }
    }

    public FunctionsApp NewApp(
        IEnumerable<object> sources,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null) =>
        new(StorageConnectionString, sources, settings, services);

    public async Task DisposeAsync()
    {
        if (ingested is not null)
        {
            await ingested.DisposeAsync();
        }

        if (feeds is not null)
        {
            await feeds.DisposeAsync();
        }

        await azurite.DisposeAsync();
        ingesting.Dispose();
    }
}
