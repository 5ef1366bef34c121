using System.Text.Json;
using Aggregator.Hosting;
using Aggregator.Ingestion;
using Aggregator.Ingestion.Queue;
using Microsoft.Azure.Functions.Worker;
using Aggregator.Storage.Tables;
using Microsoft.ApplicationInsights.WorkerService;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aggregator.Functions.Tests.Harness;

/// <summary>
/// The Functions app as the worker host composes it (<see cref="FunctionsComposition.AddAggregatorFunctions"/> over
/// configuration and logging), on a real storage account, reading a sources file written for the test. Function classes
/// are constructed from its services as the worker does, and invoked directly.
/// </summary>
public sealed class FunctionsApp : IAsyncDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("aggregator-functions-").FullName;
    private readonly ServiceProvider services;

    public FunctionsApp(
        string storageConnectionString,
        IEnumerable<object> sources,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var sourcesPath = Path.Combine(directory, "sources.json");
        File.WriteAllText(sourcesPath, JsonSerializer.Serialize(new { sources }));
        var values = new Dictionary<string, string?>
        {
            [SettingNames.Storage] = storageConnectionString,
            [SettingNames.SourcesFile] = sourcesPath,
            [SettingNames.IngestSchedule] = "0 */30 * * * *",
            // Tests never reach the internet: no arXiv or OpenReview lookups.
            [SettingNames.EnrichmentEnabled] = "false",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
        {
            values[name] = value;
        }

        Configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var collection = new ServiceCollection();
        // What the worker host has registered before Program.cs adds ours.
        collection.AddSingleton<IConfiguration>(Configuration);
        collection.AddLogging(logging => logging.AddProvider(Logs));

        collection.AddAggregatorFunctions(Configuration);

        // Tests only: tables of this app's own on the shared Azurite, and no telemetry module that reaches beyond
        // loopback (Azure's instance metadata endpoint, Live Metrics). Everything else is as in production.
        var tablePrefix = "f" + Guid.NewGuid().ToString("N")[..10];
        collection.Configure<TableStoreOptions>(o => o.TablePrefix = tablePrefix);
        collection.Configure<ApplicationInsightsServiceOptions>(o =>
        {
            o.EnableAzureInstanceMetadataTelemetryModule = false;
            o.EnableQuickPulseMetricStream = false;
        });
        configureServices?.Invoke(collection);

        services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        // Apps of one test collection share Azurite's queues, one after another: start each with none of its
        // predecessor's messages. (Outage tests point at storage where nothing listens: there is nothing to clear.)
        try
        {
            services.GetRequiredService<IngestQueue>().EnsureCreatedAsync().GetAwaiter().GetResult();
            var queues = services.GetRequiredService<StorageConnection>().CreateQueueServiceClient();
            queues.GetQueueClient(IngestQueueNames.Sources).ClearMessages();
            queues.GetQueueClient(IngestQueueNames.Poison).ClearMessages();
        }
        catch (Exception ex) when (StorageFailure.Classify(ex) is not null)
        {
        }
    }

    public IConfiguration Configuration { get; }

    public IServiceProvider Services => services;

    /// <summary>Everything the app logged, through a provider beside Application Insights'.</summary>
    public RecordingLoggerProvider Logs { get; } = new();

    /// <summary>A function class, constructed from the app's services as the worker constructs it for an invocation.</summary>
    public T Function<T>() where T : class => ActivatorUtilities.CreateInstance<T>(services);

    public object Function(Type functionClass) => ActivatorUtilities.CreateInstance(services, functionClass);

    /// <summary>
    /// Delivers every message waiting on ingest-sources to <see cref="IngestSource"/> as the host's queue listener would,
    /// deleting each one its function completed; the messages delivered, in order.
    /// </summary>
    public async Task<IReadOnlyList<SourceWork>> DeliverQueuedAsync(CancellationToken cancellationToken = default)
    {
        var queue = services.GetRequiredService<IngestQueue>();
        var delivered = new List<SourceWork>();
        while (true)
        {
            var batch = await queue.ReceiveAsync(32, TimeSpan.FromMinutes(1), cancellationToken);
            if (batch.Length == 0)
            {
                return delivered;
            }

            foreach (var message in batch)
            {
                await Function<IngestSource>().RunAsync(message, cancellationToken);
                await queue.CompleteAsync(message, cancellationToken);
                delivered.Add(SourceWork.FromJson(message.Body.ToString()));
            }
        }
    }

    /// <summary>The scheduled run as it happens on Azure: the timer queues the due sources, the queue trigger ingests them.</summary>
    public async Task<IReadOnlyList<SourceWork>> RunScheduledIngestAsync(TimerInfo? timer = null, CancellationToken cancellationToken = default)
    {
        await Function<Ingest>().RunAsync(timer ?? new TimerInfo(), cancellationToken);
        return await DeliverQueuedAsync(cancellationToken);
    }

    /// <summary>An HTTP request to this app, as the ASP.NET Core integration hands it to a function.</summary>
    public HttpInvocation Request(string method, string pathAndQuery) => new(services, method, pathAndQuery);

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
