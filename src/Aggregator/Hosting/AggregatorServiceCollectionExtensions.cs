using Azure.Data.Tables;
using Aggregator.Dedupe;
using Aggregator.Enrichment;
using Aggregator.Extraction;
using Aggregator.Fetching;
using Aggregator.Ingestion;
using Aggregator.Ingestion.Queue;
using Aggregator.Papers;
using Aggregator.Parsing;
using Aggregator.Publishing;
using Aggregator.Publishing.Images;
using Aggregator.Sources;
using Aggregator.Storage;
using Aggregator.Storage.Tables;
using Aggregator.Summaries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Aggregator.Hosting;

/// <summary>The whole app's composition, shared by the CLI host and the Functions host.</summary>
public static class AggregatorServiceCollectionExtensions
{
    /// <summary>Registers the pipeline, the Table-backed stores and the endpoints from configuration (see <see cref="SettingNames"/>).</summary>
    public static IServiceCollection AddAggregator(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);

        // Storage.
        var storage = StorageSettings.FromConfiguration(configuration);
        services.TryAddSingleton(storage);
        services.TryAddSingleton(_ => storage.CreateTableServiceClient());
        if (storage.HasBlobService)
        {
            // The image proxy caches in Blob storage when there is one; otherwise it keeps a bounded cache in memory.
            services.TryAddSingleton(_ => storage.CreateBlobServiceClient());
        }

        services.AddOptions<TableStoreOptions>();
        services.TryAddSingleton(sp => new AggregatorTables(
            sp.GetRequiredService<TableServiceClient>(),
            sp.GetRequiredService<IOptions<TableStoreOptions>>().Value));
        services.TryAddSingleton<IPostStore, TablePostStore>();
        services.TryAddSingleton<IPaperStore, TablePaperStore>();
        services.TryAddSingleton<ISourceStateStore, TableSourceStateStore>();
        services.TryAddSingleton<IDataVersion, TableDataVersion>();

        // Sources and fetching.
        services.AddAggregatorFetching();
        services.TryAddSingleton<ISourceCatalogProvider>(sp => new SourceCatalogFile(
            configuration[SettingNames.SourcesFile] is { Length: > 0 } location ? location : "sources.json",
            sp.GetRequiredService<IFetcher>()));

        // Parsing, extraction, papers, dedupe, summaries.
        services.TryAddSingleton<IFeedReader, FeedReader>();
        services.AddExtraction();
        services.TryAddSingleton<IPaperIdentifier, PaperIdentifier>();
        services.TryAddSingleton(new DedupeOptions());
        services.TryAddSingleton(new SummaryOptions());
        services.TryAddSingleton(LlmSettings.FromConfiguration(configuration));
        services.TryAddSingleton<ExtractiveSummarizer>();
        services.TryAddSingleton<ISummaryCache, TableSummaryCache>();
        services.TryAddSingleton<SummarizerFactory>();
        services.TryAddSingleton<PaperSummaryPicker>();
        services.TryAddSingleton<SummaryRetries>();
        services.TryAddSingleton<PaperResolver>();
        services.AddEnrichment(configuration);

        // Ingestion.
        services.AddOptions<IngestionOptions>().Configure(o => o.TimeBudget = IngestTimeBudget(configuration));
        services.TryAddSingleton<ItemIngestor>();
        services.TryAddSingleton<SourceIngestor>();
        services.TryAddSingleton<IngestionRunner>();
        services.TryAddSingleton<IngestionStarter>();
        services.AddOptions<IngestQueueOptions>();
        // Resolved only by hosts that fan out through the queue, so a store given without a queue endpoint still serves.
        services.TryAddSingleton(_ => new IngestQueue(storage.CreateQueueServiceClient()));
        services.TryAddSingleton<PoisonedWork>();
        services.TryAddSingleton<QueueConsumer>();

        // Endpoints. The key store first: publishing's own recovery is a no-op for compositions without storage.
        services.TryAddSingleton<ImageSigningKeyStore>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<ImageProxyOptions>, ImageSigningKeyStore>(
            sp => sp.GetRequiredService<ImageSigningKeyStore>()));
        services.TryAddSingleton<IImageKeyRecovery>(sp => sp.GetRequiredService<ImageSigningKeyStore>());
        services.AddAggregatorPublishing(configuration);
        services.TryAddSingleton<AdminEndpoints>();
        return services;
    }

    /// <summary>INGEST_TIME_BUDGET, or null when unset; a value that is not a positive time span is refused, not ignored.</summary>
    private static TimeSpan? IngestTimeBudget(IConfiguration configuration)
    {
        var text = configuration[SettingNames.IngestTimeBudget];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var budget) && budget > TimeSpan.Zero
            ? budget
            : throw new InvalidOperationException(
                $"{SettingNames.IngestTimeBudget} is '{text}': expected a positive time span such as 00:08:00, below host.json's functionTimeout.");
    }
}
