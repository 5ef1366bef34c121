using System.Text.Json;
using Aggregator.Fetching;
using Aggregator.Hosting;
using Aggregator.Ingestion;
using Aggregator.Storage;
using Aggregator.Storage.Tables;
using Aggregator.Testing.Azurite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Tests.Ingestion;

/// <summary>
/// The real app composition (<see cref="AggregatorServiceCollectionExtensions.AddAggregator"/>) over its own tables on the
/// shared Azurite, reading a sources file written for the test.
/// </summary>
internal sealed class IngestionHarness : IAsyncDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("aggregator-ingest-").FullName;
    private readonly ServiceProvider services;

    public IngestionHarness(
        AzuriteFixture azurite,
        IEnumerable<object> sources,
        Action<FetcherOptions>? fetcher = null,
        Action<IngestionOptions>? ingestion = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        string? tablePrefix = null,
        Action<IServiceCollection>? configureServices = null)
    {
        SourcesPath = Path.Combine(directory, "sources.json");
        File.WriteAllText(SourcesPath, JsonSerializer.Serialize(new { sources }));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [SettingNames.Storage] = azurite.ConnectionString,
            [SettingNames.SourcesFile] = SourcesPath,
            // Tests never reach the internet; enrichment tests turn it on against loopback fakes.
            [SettingNames.EnrichmentEnabled] = "false",
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddAggregator(configuration);
        // Harnesses given one prefix share one store, as instances of one deployment do.
        var prefix = tablePrefix ?? "t" + Guid.NewGuid().ToString("N")[..10];
        collection.Configure<TableStoreOptions>(o => o.TablePrefix = prefix);
        collection.Configure<FetcherOptions>(o =>
        {
            o.Timeout = TimeSpan.FromSeconds(3);

            // The fixture servers listen on 127.0.0.1; a test of the default policy turns this off again.
            o.AllowLoopbackForTests = true;
            fetcher?.Invoke(o);
        });
        if (ingestion is not null)
        {
            collection.Configure(ingestion);
        }

        configureServices?.Invoke(collection);
        services = collection.BuildServiceProvider();
    }

    public string SourcesPath { get; }

    public IServiceProvider Services => services;

    public IngestionRunner Runner => services.GetRequiredService<IngestionRunner>();

    public IPostStore Posts => services.GetRequiredService<IPostStore>();

    public IPaperStore Papers => services.GetRequiredService<IPaperStore>();

    public ISourceStateStore States => services.GetRequiredService<ISourceStateStore>();

    public Task<IngestionReport> RunAsync(IngestionRunOptions? options = null) => Runner.RunAsync(options ?? new IngestionRunOptions());

    public static object Feed(string id, Uri url, string? name = null) => new { id, name = name ?? id, url = url.AbsoluteUri, type = "feed" };

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
