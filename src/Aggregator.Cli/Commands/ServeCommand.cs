using System.CommandLine;
using System.Net.Sockets;
using Aggregator.Cli.Failures;
using Aggregator.Cli.Hosting;
using Aggregator.Cli.Terminal;
using Aggregator.Hosting;
using Aggregator.Ingestion;
using Aggregator.Sources;
using Aggregator.Storage.Tables;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Aggregator.Cli.Commands;

/// <summary>
/// <c>serve</c>: the Functions app without the Functions host — the feed routes on Kestrel, ingesting on an interval.
/// Before it listens it checks the settings, the sources file and storage, so a mistake is one line and an exit code,
/// not a server that logs the same failure every interval.
/// </summary>
internal static class ServeCommand
{
    public const string DefaultUrls = "http://localhost:7071";

    public static Command Create(CliConsole console)
    {
        var sources = CommonOptions.Sources();
        var storage = CommonOptions.Storage();
        var urls = new Option<string?>("--urls") { Description = $"Where to listen, e.g. http://0.0.0.0:8080 (several separated by ';'). Default: {DefaultUrls}.", CustomParser = ServeOptionParsers.Urls };
        var port = new Option<int?>("--port") { Description = "Listen on http://localhost:PORT; a shorthand for --urls.", CustomParser = ServeOptionParsers.Port };
        var interval = new Option<TimeSpan>("--interval")
        {
            Description = "Time between ingest runs (hh:mm:ss).",
            DefaultValueFactory = _ => TimeSpan.FromMinutes(30),
            CustomParser = ServeOptionParsers.Interval,
        };
        var noIngest = new Option<bool>("--no-ingest") { Description = "Serve what is stored without fetching." };
        var queue = new Option<bool>("--queue")
        {
            Description = "Fan out through the storage queue as the Functions app does: each run queues one message per due source, and this process (and any other serve --queue on the same storage) consumes them.",
        };
        var command = new Command("serve", "Serve the feeds on http://localhost:7071/api/feed, ingesting at start and then on an interval.")
        {
            sources, storage, urls, port, interval, noIngest, queue,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(urls) is { Implicit: false } && result.GetResult(port) is { Implicit: false })
            {
                result.AddError("Pass --port or --urls, not both: --port 7072 is short for --urls http://localhost:7072.");
            }
        });
        command.SetAction((result, cancellationToken) => RunAsync(
            new ServeArguments(new PipelineArguments(result.GetValue(sources)!, result.GetValue(storage), CommonOptions.IsVerbose(result)))
            {
                Urls = result.GetValue(port) is { } p ? $"http://localhost:{p}" : result.GetValue(urls) ?? DefaultUrls,
                Interval = result.GetValue(interval),
                NoIngest = result.GetValue(noIngest),
                Queue = result.GetValue(queue),
            },
            console, cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(ServeArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(console);
        var app = CliServices.Settings(() => Build(arguments, console.Terminal));
        var storage = app.Services.GetRequiredService<StorageConnection>();
        try
        {
            await using var emulator = await LocalStorage.EnsureAsync(app.Configuration, console.Error, cancellationToken).ConfigureAwait(false);
            await CheckAsync(app.Services, cancellationToken).ConfigureAwait(false);
            await ListenAsync(app, arguments.Urls, cancellationToken).ConfigureAwait(false);
            foreach (var address in app.Urls)
            {
                await console.Out.WriteLineAsync($"Feed: {address.TrimEnd('/')}/api/feed  Papers: {address.TrimEnd('/')}/api/papers").ConfigureAwait(false);
            }

            await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is not CommandFailure && FailureTranslation.Translate(e, storage) is { } failure)
        {
            throw failure;
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    internal static WebApplication Build(ServeArguments arguments, TerminalProfile? terminal = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var builder = WebApplication.CreateBuilder([.. arguments.HostArgs]);
        builder.Configuration.AddInMemoryCollection(arguments.Pipeline.Overrides());
        builder.WebHost.UseUrls(arguments.Urls);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.ColorBehavior = terminal is { Colors: false } ? LoggerColorBehavior.Disabled : LoggerColorBehavior.Default;
        });
        // A feed is polled every few minutes by every reader: one log line per request would drown the ingest runs.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // A failed start is reported once, by the command (one line and an exit code); the host would log it again with its stack.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", arguments.Pipeline.Verbose ? LogLevel.Debug : LogLevel.None);
        if (arguments.Pipeline.Verbose)
        {
            builder.Logging.AddFilter("Aggregator", LogLevel.Debug);
        }

        builder.Services.AddAggregator(builder.Configuration);
        builder.Services.Configure<IngestionOptions>(o => o.UseQueue = arguments.Queue);
        if (!arguments.NoIngest)
        {
            builder.Services.AddHostedService(sp => new PeriodicIngestion(
                sp.GetRequiredService<IngestionStarter>(), sp.GetRequiredService<StorageConnection>(), arguments.Interval,
                sp.GetRequiredService<ILogger<PeriodicIngestion>>()));
            if (arguments.Queue)
            {
                builder.Services.AddHostedService<QueueConsumerService>();
            }
        }

        var app = builder.Build();
        // Storage down: 503 with Retry-After on every route rather than a 500 (the feeds serve their last rendering).
        app.UseMiddleware<Aggregator.Publishing.StorageOutageMiddleware>();
        app.MapAggregator();
        return app;
    }

    /// <summary>Settings read on first use, the sources file and storage, checked before listening.</summary>
    private static async Task CheckAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        CliServices.Settings(() => CliServices.Validate(services));
        await services.GetRequiredService<ISourceCatalogProvider>().GetAsync(cancellationToken).ConfigureAwait(false);
        await services.GetRequiredService<AggregatorTables>().EnsureCreatedAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ListenAsync(WebApplication app, string urls, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e) when (e.InnerException is AddressInUseException or SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
        {
            var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? urls;
            var port = Uri.TryCreate(first.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                ? $"Port {uri.Port}" : "The address";
            throw CommandFailure.Usage($"{port} is in use ({urls}): stop what is listening there, or pass --port with another port.", e);
        }
    }
}
