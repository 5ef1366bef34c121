using Aggregator.Hosting;
using Aggregator.Ingestion;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aggregator.Functions;

/// <summary>
/// What the Functions app registers on top of the worker host: telemetry and the library. Program.cs calls it, and so
/// do the tests, so a function class whose dependency is missing fails a test instead of its first invocation.
/// </summary>
public static class FunctionsComposition
{
    private const string ApplicationInsightsLoggerProvider =
        "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider";

    public static IServiceCollection AddAggregatorFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services
            .AddApplicationInsightsTelemetryWorkerService()
            .ConfigureFunctionsApplicationInsights();

        // The Application Insights provider ships a Warning-only default rule; without removing it the ingest summaries
        // (Information) never reach the workspace. Levels then come from the usual Logging configuration.
        services.Configure<LoggerFilterOptions>(options =>
        {
            var applicationInsightsDefault = options.Rules.FirstOrDefault(rule => rule.ProviderName == ApplicationInsightsLoggerProvider);
            if (applicationInsightsDefault is not null)
            {
                options.Rules.Remove(applicationInsightsDefault);
            }
        });

        services.AddAggregator(configuration);

        // On Azure every run fans out: one message per source, ingested by as many instances as the queue needs.
        services.Configure<IngestionOptions>(options => options.UseQueue = true);
        return services;
    }
}
