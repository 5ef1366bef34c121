using Aggregator.Ingestion.Queue;

namespace Aggregator.Cli.Hosting;

/// <summary>serve --queue's stand-in for the Functions queue trigger: consumes ingest-sources until the server stops.</summary>
internal sealed class QueueConsumerService(QueueConsumer consumer) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => consumer.RunAsync(stoppingToken);
}
