using Aggregator.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aggregator.Cli.Hosting;

/// <summary>The pipeline's services for one-shot commands (ingest, sources, parse), configured like the server.</summary>
internal static class CliServices
{
    public static IConfiguration Configuration(IReadOnlyDictionary<string, string?> overrides) =>
        new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();

    public static ServiceProvider Build(IConfiguration configuration, LogLevel minimumLevel = LogLevel.Warning)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(minimumLevel));
        services.AddAggregator(configuration);
        return services.BuildServiceProvider();
    }
}
