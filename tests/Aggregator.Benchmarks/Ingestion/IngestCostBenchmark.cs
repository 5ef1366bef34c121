using System.Diagnostics;
using Aggregator.Azurite;
using Azure.Data.Tables;
using Aggregator.Hosting;
using Aggregator.Ingestion;
using Aggregator.Sources;
using Aggregator.Storage;
using Aggregator.Storage.Tables;
using Aggregator.Summaries;
using Aggregator.Testing.Paths;
using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Benchmarks.Ingestion;

/// <summary>
/// Issue target: the time and storage requests to ingest one new post stay flat as the store grows. Ingests the same
/// kind of new posts into stores seeded with 1k and with 100k posts (a fresh Azurite each) and reports the ratios.
/// </summary>
internal sealed class IngestCostBenchmark : IBenchCommand
{
    private const int Warmup = 5;
    private const int Measured = 40;

    public string Name => "ingest-cost";

    public string Description => "time and storage requests per new post, 1k vs 100k stored posts (Azurite); args: [small] [large]";

    public async Task<int> RunAsync(string[] args)
    {
        var small = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1_000;
        var large = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        var a = await MeasureAsync(small);
        var b = await MeasureAsync(large);
        Console.WriteLine();
        Console.WriteLine($"{"stored posts",14} {"median ms/post",15} {"p90 ms/post",12} {"reads/post",11} {"writes/post",12}");
        foreach (var m in new[] { a, b })
        {
            Console.WriteLine($"{m.Stored,14:N0} {m.MedianMs,15:0.00} {m.P90Ms,12:0.00} {m.Reads,11:0.00} {m.Writes,12:0.00}");
        }

        Console.WriteLine($"ratio {large:N0}/{small:N0}: time {b.MedianMs / a.MedianMs:0.00}x, storage reads {b.Reads / a.Reads:0.00}x, " +
            $"all requests {(b.Reads + b.Writes) / (a.Reads + a.Writes):0.00}x (target <= 1.5x)");
        return 0;
    }

    private static async Task<Measurement> MeasureAsync(int stored)
    {
        await using var azurite = await AzuriteProcess.StartAsync(new AzuriteStartOptions { SearchFrom = RepositoryPaths.Root });
        var counter = new StorageRequestCounter();
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var service = new TableServiceClient(azurite.ConnectionString, options);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [SettingNames.Storage] = azurite.ConnectionString,
            // Measures ingestion's own storage cost; no metadata lookups.
            [SettingNames.EnrichmentEnabled] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(service);
        services.AddAggregator(configuration);
        await using var provider = services.BuildServiceProvider();
        var tables = provider.GetRequiredService<AggregatorTables>();
        await tables.EnsureCreatedAsync();

        var seeding = Stopwatch.StartNew();
        await StoreSeeder.SeedAsync(service, (TablePaperStore)provider.GetRequiredService<IPaperStore>(), tables.Names, stored,
            p => Console.Error.Write($"\rseeding {p}…   "));
        Console.Error.WriteLine($"\rseeded {stored:N0} posts in {seeding.Elapsed.TotalSeconds:0}s");

        var ingestor = provider.GetRequiredService<ItemIngestor>();
        var source = new SourceDefinition { Id = "bench", Name = "Bench", Url = new Uri("https://bench.example/feed"), Type = SourceType.Feed };
        var run = new IngestionRun(DateTimeOffset.UtcNow, provider.GetRequiredService<ExtractiveSummarizer>(), IgnoreBackoff: false);
        var times = new List<double>();
        long reads = 0, writes = 0;
        for (var i = 0; i < Warmup + Measured; i++)
        {
            counter.Reset();
            counter.Trace = i is Warmup or Warmup + 1 && Environment.GetEnvironmentVariable("BENCH_TRACE") == "1";
            var stopwatch = Stopwatch.StartNew();
            await ingestor.IngestAsync(source, GeneratedPosts.Item(stored * 10 + i, StoreSeeder.PaperCount(stored)), source.Url, run, CancellationToken.None);
            stopwatch.Stop();
            if (i >= Warmup)
            {
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
                reads += counter.Reads;
                writes += counter.Writes;
            }
        }

        times.Sort();
        return new Measurement(stored, times[times.Count / 2], times[(int)(times.Count * 0.9)], (double)reads / Measured, (double)writes / Measured);
    }

    private sealed record Measurement(int Stored, double MedianMs, double P90Ms, double Reads, double Writes);
}
