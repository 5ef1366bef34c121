using System.Net;
using Aggregator.Publishing;
using Aggregator.Sources;
using Aggregator.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aggregator.Tests.Publishing;

/// <summary>
/// Kestrel on 127.0.0.1:0 hosting <see cref="FeedEndpoints"/> the way the CLI does (five routes, any method), over
/// in-memory stores.
/// </summary>
internal sealed class FeedTestServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private FeedTestServer(WebApplication app, InMemoryPostStore posts, InMemoryPaperStore papers, InMemoryDataVersion version)
    {
        this.app = app;
        Posts = posts;
        Papers = papers;
        Version = version;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None, UseProxy = false }) { BaseAddress = BaseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public InMemoryPostStore Posts { get; }

    public InMemoryPaperStore Papers { get; }

    public InMemoryDataVersion Version { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<FeedTestServer> StartAsync(
        IEnumerable<Post>? posts = null,
        IEnumerable<Paper>? papers = null,
        IReadOnlyList<SourceDefinition>? sources = null,
        IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());

        var postStore = new InMemoryPostStore(posts);
        var paperStore = new InMemoryPaperStore(papers);
        var version = new InMemoryDataVersion();
        builder.Services.AddSingleton<IPostStore>(postStore);
        builder.Services.AddSingleton<IPaperStore>(paperStore);
        builder.Services.AddSingleton<IDataVersion>(version);
        builder.Services.AddSingleton<ISourceCatalogProvider>(new FixedSourceCatalog(sources ?? FeedFixtures.Sources));
        builder.Services.AddAggregatorPublishing(builder.Configuration);

        var app = builder.Build();
        var endpoints = app.Services.GetRequiredService<FeedEndpoints>();
        app.Map(FeedRoutes.Feed, endpoints.FeedAsync);
        app.Map(FeedRoutes.Papers, endpoints.PapersAsync);
        app.Map(FeedRoutes.SourcesOpml, endpoints.SourcesOpmlAsync);
        app.Map(FeedRoutes.Image, endpoints.ImageAsync);
        app.Map(FeedRoutes.Stylesheet, endpoints.StylesheetAsync);
        await app.StartAsync();
        return new FeedTestServer(app, postStore, paperStore, version);
    }

    public Uri Url(string pathAndQuery) => new(BaseAddress, pathAndQuery);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
