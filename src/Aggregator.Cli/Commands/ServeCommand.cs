using System.CommandLine;
using Aggregator.Cli.Hosting;
using Aggregator.Hosting;
using Aggregator.Ingestion;

namespace Aggregator.Cli.Commands;

/// <summary><c>serve</c>: the Functions app without the Functions host — the feed routes on Kestrel, ingesting on an interval.</summary>
internal static class ServeCommand
{
    public const string DefaultUrls = "http://localhost:7071";

    public static Command Create()
    {
        var sources = CommonOptions.Sources();
        var storage = CommonOptions.Storage();
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => DefaultUrls };
        var interval = new Option<TimeSpan>("--interval")
        {
            Description = "Time between ingest runs (hh:mm:ss).",
            DefaultValueFactory = _ => TimeSpan.FromMinutes(30),
        };
        var noIngest = new Option<bool>("--no-ingest") { Description = "Serve what is stored without fetching." };
        var command = new Command("serve", "Serve the feeds on http://localhost:7071/api/feed, ingesting at start and then on an interval.")
        {
            sources, storage, urls, interval, noIngest,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            [], result.GetValue(sources)!, result.GetValue(storage), result.GetValue(urls)!, result.GetValue(interval), result.GetValue(noIngest), cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(
        string[] args, string sources, string? storage, string urls, TimeSpan interval, bool noIngest, CancellationToken cancellationToken)
    {
        if (interval <= TimeSpan.Zero)
        {
            await Console.Error.WriteLineAsync("--interval must be positive, e.g. 00:30:00.").ConfigureAwait(false);
            return 1;
        }

        var app = Build(args, sources, storage, urls, interval, noIngest);
        await using var emulator = await LocalStorage.EnsureAsync(app.Configuration, Console.Error, cancellationToken).ConfigureAwait(false);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        foreach (var address in app.Urls)
        {
            await Console.Out.WriteLineAsync($"Feed: {address.TrimEnd('/')}/api/feed  Papers: {address.TrimEnd('/')}/api/papers").ConfigureAwait(false);
        }

        await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        return 0;
    }

    internal static WebApplication Build(string[] args, string sources, string? storage, string urls, TimeSpan interval, bool noIngest)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddInMemoryCollection(CommonOptions.Overrides(sources, storage));
        builder.WebHost.UseUrls(urls);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        // A feed is polled every few minutes by every reader: one log line per request would drown the ingest runs.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddAggregator(builder.Configuration);
        if (!noIngest)
        {
            builder.Services.AddHostedService(sp => new PeriodicIngestion(
                sp.GetRequiredService<IngestionRunner>(), interval, sp.GetRequiredService<ILogger<PeriodicIngestion>>()));
        }

        var app = builder.Build();
        // Storage down: 503 with Retry-After on every route rather than a 500 (the feeds serve their last rendering).
        app.UseMiddleware<Aggregator.Publishing.StorageOutageMiddleware>();
        app.MapAggregator();
        return app;
    }
}
