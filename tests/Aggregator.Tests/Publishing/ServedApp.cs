using System.Net;
using Aggregator.Hosting;
using Aggregator.Papers;
using Aggregator.Publishing;
using Aggregator.Sources;
using Aggregator.Storage;
using Aggregator.Storage.Tables;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aggregator.Tests.Publishing;

/// <summary>
/// The app as the CLI's <c>serve</c> composes it (<see cref="AggregatorServiceCollectionExtensions.AddAggregator"/>,
/// the storage-outage middleware, every route of <see cref="Routes.All"/>) on Kestrel at 127.0.0.1:0, over real Table
/// storage at the given connection string, with tables of its own. Every storage request passes a counter.
/// </summary>
internal sealed class ServedApp : IAsyncDisposable
{
    private readonly WebApplication app;

    private ServedApp(WebApplication app, StorageRequestCounter counter)
    {
        this.app = app;
        StorageRequests = counter;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None, UseProxy = false }) { BaseAddress = BaseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public StorageRequestCounter StorageRequests { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<ServedApp> StartAsync(string storageConnectionString, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var values = new Dictionary<string, string?> { [SettingNames.Storage] = storageConnectionString };
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
        {
            values[name] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        var counter = new StorageRequestCounter();
        var storage = StorageSettings.FromConfiguration(builder.Configuration);
        var clientOptions = new TableClientOptions();
        // As the app tunes them (few retries, short delays), so an outage is seen within seconds.
        clientOptions.Retry.MaxRetries = 1;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(100);
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        clientOptions.AddPolicy(counter, Azure.Core.HttpPipelinePosition.PerRetry);
        builder.Services.AddSingleton(storage.CreateTableServiceClient(clientOptions));
        builder.Services.AddSingleton<ISourceCatalogProvider>(new FixedSourceCatalog(FeedFixtures.Sources));
        builder.Services.Configure<TableStoreOptions>(o => o.TablePrefix = "p" + Guid.NewGuid().ToString("N")[..10]);
        builder.Services.AddAggregator(builder.Configuration);

        var app = builder.Build();
        app.UseMiddleware<StorageOutageMiddleware>();
        var feed = app.Services.GetRequiredService<FeedEndpoints>();
        var admin = app.Services.GetRequiredService<AdminEndpoints>();
        app.Map(FeedRoutes.Feed, feed.FeedAsync);
        app.Map(FeedRoutes.Papers, feed.PapersAsync);
        app.Map(FeedRoutes.SourcesOpml, feed.SourcesOpmlAsync);
        app.Map(FeedRoutes.Image, feed.ImageAsync);
        app.Map(FeedRoutes.Stylesheet, feed.StylesheetAsync);
        app.MapMethods("/api/" + Routes.Health, [HttpMethods.Get, HttpMethods.Head], admin.HealthAsync);
        await app.StartAsync();
        return new ServedApp(app, counter);
    }

    /// <summary>Stores the posts and papers as ingestion would, then bumps the data version.</summary>
    public async Task SeedAsync(IEnumerable<Post> posts, IEnumerable<Paper>? papers = null)
    {
        var postStore = Services.GetRequiredService<IPostStore>();
        foreach (var post in posts)
        {
            // Storage refuses what XML forbids (the fixture's lone surrogate and controls); the feed tests cover those.
            await postStore.AddAsync(post with { ContentHtml = XmlCharacters.Clean(post.ContentHtml), Text = XmlCharacters.Clean(post.Text) }, ["id:" + post.Id], maxFingerprintDistance: -1);
        }

        var paperStore = Services.GetRequiredService<IPaperStore>();
        foreach (var paper in papers ?? [])
        {
            await paperStore.SaveAsync(paper, paper.ArxivId is { } arxiv ? [new PaperKey(PaperKeyKind.Arxiv, arxiv)] : [new PaperKey(PaperKeyKind.Title, paper.Title)]);
        }

        await Services.GetRequiredService<IDataVersion>().BumpAsync();
    }

    public Uri Url(string pathAndQuery) => new(BaseAddress, pathAndQuery);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
