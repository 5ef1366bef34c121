using Aggregator.Ingestion.Queue;
using Aggregator.Storage.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Benchmarks.Ingestion;

/// <summary>One consumer process of ingest-scale: drains ingest-sources as a Functions instance would, then prints its table requests.</summary>
internal sealed class IngestScaleConsumer : IBenchCommand
{
    public string Name => "ingest-scale-consumer";

    public string Description => "(started by ingest-scale) one queue consumer process; args: connection-string table-prefix sources-path";

    public async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 3)
        {
            Console.Error.WriteLine("usage: ingest-scale-consumer CONNECTION_STRING TABLE_PREFIX SOURCES_PATH");
            return 2;
        }

        var counter = new StorageRequestCounter();
        await using var provider = ScaleStore.Compose(args[0], args[1], args[2], counter, useQueue: true);
        await provider.GetRequiredService<AggregatorTables>().EnsureCreatedAsync();
        await provider.GetRequiredService<QueueConsumer>().RunAsync(CancellationToken.None, stopWhenIdle: true);
        Console.WriteLine($"requests {counter.Reads} {counter.Writes}");
        return 0;
    }
}
