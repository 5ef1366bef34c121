using Aggregator.Ingestion.Queue;
using System.Globalization;
using Aggregator.Hosting;
using Aggregator.Testing.Paths;

namespace Aggregator.Functions.Tests.BuildOutput;

/// <summary>host.json as the Functions host finds it: at the root of the app, beside functions.metadata.</summary>
public sealed class HostJsonTests
{
    [Fact]
    public void HostJson_SitsAtTheAppRootAsTheRepositoryHasIt()
    {
        var built = FunctionsBuildOutput.PathOf("host.json");

        Assert.True(File.Exists(built), $"host.json is not at the root of {FunctionsBuildOutput.Folder}.");
        Assert.Equal(File.ReadAllText(RepositoryPaths.InRoot("host.json")), File.ReadAllText(built));
    }

    [Fact]
    public void HostJson_PrefixesRoutesWithTheCliPrefix()
    {
        using var hostJson = FunctionsBuildOutput.ReadJson("host.json");

        var root = hostJson.RootElement;
        Assert.Equal("2.0", root.GetProperty("version").GetString());
        Assert.Equal(Routes.Prefix, root.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    [Fact]
    public void Ingest_DefaultTimeBudget_EndsBeforeTheHostStopsTheFunction()
    {
        using var hostJson = FunctionsBuildOutput.ReadJson("host.json");

        var timeout = TimeSpan.Parse(hostJson.RootElement.GetProperty("functionTimeout").GetString()!, CultureInfo.InvariantCulture);

        Assert.True(Ingest.DefaultTimeBudget < timeout, $"default budget {Ingest.DefaultTimeBudget} is not below functionTimeout {timeout}");
    }

    [Fact]
    public void WorkerConfig_StartsTheFunctionsAssembly()
    {
        using var workerConfig = FunctionsBuildOutput.ReadJson("worker.config.json");

        var description = workerConfig.RootElement.GetProperty("description");
        var worker = description.GetProperty("defaultWorkerPath").GetString()!;
        Assert.Equal("dotnet-isolated", description.GetProperty("language").GetString());
        Assert.True(File.Exists(FunctionsBuildOutput.PathOf(worker)), $"{worker} is not in the build output.");
    }

    [Fact]
    public void HostJson_QueueSettings_AreTheOnesServeQueueConsumesWith()
    {
        using var hostJson = FunctionsBuildOutput.ReadJson("host.json");
        var queues = hostJson.RootElement.GetProperty("extensions").GetProperty("queues");
        var cli = new IngestQueueOptions();

        Assert.Equal(cli.BatchSize, queues.GetProperty("batchSize").GetInt32());
        Assert.Equal(cli.NewBatchThreshold, queues.GetProperty("newBatchThreshold").GetInt32());
        Assert.Equal(cli.MaxDequeueCount, queues.GetProperty("maxDequeueCount").GetInt32());
        Assert.Equal(IngestPoisoned.MaxDequeueCount, queues.GetProperty("maxDequeueCount").GetInt32());
        Assert.Equal(cli.RetryDelay, TimeSpan.Parse(queues.GetProperty("visibilityTimeout").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(cli.MaxPollingInterval, TimeSpan.Parse(queues.GetProperty("maxPollingInterval").GetString()!, CultureInfo.InvariantCulture));
    }
}
