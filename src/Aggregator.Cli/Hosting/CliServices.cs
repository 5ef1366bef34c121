using Aggregator.Cli.Failures;
using Aggregator.Enrichment;
using Aggregator.Hosting;
using Aggregator.Ingestion;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Aggregator.Cli.Hosting;

/// <summary>The pipeline's services for one-shot commands (ingest, sources, parse), configured like the server.</summary>
internal static class CliServices
{
    public static IConfiguration Configuration(IReadOnlyDictionary<string, string?> overrides) =>
        new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();

    /// <param name="configuration">Environment and command-line settings.</param>
    /// <param name="verbose">
    /// Log the pipeline (debug level) to stderr. Otherwise nothing is logged: the command's own output already says what
    /// happened to each source, and log lines would break a live display.
    /// </param>
    /// <exception cref="CommandFailure">A setting has a value the app cannot use (exit code 2).</exception>
    public static ServiceProvider Build(IConfiguration configuration, bool verbose = false)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.None);
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.ColorBehavior = LoggerColorBehavior.Disabled;
            });
            logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        });
        var provider = Settings(() =>
        {
            services.AddAggregator(configuration);
            return services.BuildServiceProvider();
        });
        Settings(() => Validate(provider));
        return provider;
    }

    /// <summary>Reads, now, the settings the app would otherwise read on first use, so a bad value stops the command before it starts.</summary>
    public static bool Validate(IServiceProvider services)
    {
        _ = services.GetRequiredService<IOptions<IngestionOptions>>().Value;
        _ = services.GetRequiredService<IOptions<EnrichmentOptions>>().Value;
        _ = services.GetRequiredService<StorageConnection>().CreateTableServiceClient();
        return true;
    }

    /// <summary>
    /// The settings readers throw InvalidOperationException naming the setting, its value and what is accepted
    /// (INGEST_TIME_BUDGET, LLM_*); inside this call that is a configuration error, not a bug.
    /// </summary>
    public static T Settings<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is InvalidOperationException or StorageConfigurationException)
        {
            throw CommandFailure.Usage(e.Message, e);
        }
    }
}
