using System.Text.Json;
using Aggregator.Fetching;
using Aggregator.Hosting;
using Aggregator.Storage.Tables;
using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Benchmarks.Ingestion;

/// <summary>
/// The app's composition as one ingest-scale participant has it (the parent, or one consumer process): the library
/// over Azurite with its own table prefix, every table request counted.
/// </summary>
internal static class ScaleStore
{
    public static ServiceProvider Compose(string connectionString, string tablePrefix, string sourcesPath, StorageRequestCounter counter, bool useQueue)
    {
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [SettingNames.Storage] = connectionString,
            [SettingNames.SourcesFile] = sourcesPath,
            [SettingNames.EnrichmentEnabled] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(new TableServiceClient(connectionString, options));
        services.AddAggregator(configuration);
        services.Configure<TableStoreOptions>(o => o.TablePrefix = tablePrefix);
        services.Configure<Aggregator.Ingestion.IngestionOptions>(o => o.UseQueue = useQueue);
        // One loopback server stands for a thousand hosts here, so the per-host politeness limit would measure itself.
        services.Configure<FetcherOptions>(o => o.MaxConcurrentRequestsPerHost = 256);
        return services.BuildServiceProvider();
    }

    public static async Task WriteSourcesAsync(string path, Uri server, int count)
    {
        var sources = Enumerable.Range(0, count).Select(i => new
        {
            id = $"s{i:D4}",
            name = $"Scale source {i}",
            url = new Uri(server, $"/feed/{i}.xml").AbsoluteUri,
            type = "feed",
            allowPrivateNetwork = true,
        });
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new { sources }));
    }

    /// <summary>Posts in the feed (timeline rows) and posts stored live (main rows not merged into another).</summary>
    public static async Task<(int Timeline, int Live)> CountAsync(string connectionString, string tablePrefix)
    {
        var service = new TableServiceClient(connectionString);
        var names = new TableNames(tablePrefix);
        var timeline = 0;
        await foreach (var _ in service.GetTableClient(names.Timeline).QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {TimelineRow.PostsPartition}"), select: ["RowKey"]))
        {
            timeline++;
        }

        var live = 0;
        await foreach (var row in service.GetTableClient(names.Posts).QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"RowKey ge {"post-"} and RowKey lt {"post."}"), select: ["RowKey", "MergedInto"]))
        {
            if (row.GetString("MergedInto") is not { Length: > 0 })
            {
                live++;
            }
        }

        return (timeline, live);
    }
}
