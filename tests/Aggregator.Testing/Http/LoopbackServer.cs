using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Testing.Http;

/// <summary>
/// A real Kestrel server on 127.0.0.1 and a free port, for tests that need HTTP without the internet. Routes map an
/// exact path (or path and query) to a <see cref="LoopbackResponse"/>; mapping a path again replaces its response, so
/// a test can change a "feed" between two runs. Unmapped paths answer 404. Every request is logged in
/// <see cref="Requests"/>.
/// </summary>
/// <example>
/// <code>
/// await using var server = await LoopbackServer.StartAsync();
/// server.Map("/feed.xml", LoopbackResponse.File(path, "application/rss+xml").WithETag("v1"));
/// // ... a client fetches server.Url("/feed.xml") twice, the second time with If-None-Match: "v1" ...
/// var second = server.RequestsTo("/feed.xml")[1];
/// Assert.Equal("\"v1\"", second.Header("If-None-Match"));
/// Assert.Equal(304, second.StatusCode);
/// </code>
/// </example>
public sealed class LoopbackServer : IAsyncDisposable
{
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, LoopbackResponse> routes = new(StringComparer.Ordinal);
    private readonly List<LoopbackRequest> requests = [];
    private readonly Lock requestsLock = new();
    private readonly CancellationTokenSource stopping = new();
    private WebApplication? app;
    private int lastSequence = -1;

    private LoopbackServer()
    {
    }

    /// <summary>The root of the server, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>What unmapped paths get; 404 with a short text body by default.</summary>
    public LoopbackResponse Fallback { get; set; } = LoopbackResponse.Text("No route for this path.").WithStatus(404);

    /// <summary>Every request received so far, in arrival order (a snapshot).</summary>
    public IReadOnlyList<LoopbackRequest> Requests
    {
        get
        {
            lock (requestsLock)
            {
                return [.. requests];
            }
        }
    }

    public static Task<LoopbackServer> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync(IPAddress.Loopback, cancellationToken);

    /// <summary>
    /// A server on another local address, e.g. 127.0.0.2 (Linux routes all of 127.0.0.0/8 to the loopback interface):
    /// an "internal service" that the fetcher's test opt-in, which covers 127.0.0.1 only, must still refuse.
    /// </summary>
    public static async Task<LoopbackServer> StartAsync(IPAddress listenOn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(listenOn);
        var server = new LoopbackServer();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(listenOn, 0);
            kestrel.AddServerHeader = false;

            // Slow-body tests dribble bytes on purpose; Kestrel must not cut them off first.
            kestrel.Limits.MinResponseDataRate = null;
            kestrel.Limits.MinRequestBodyDataRate = null;
        });

        var app = builder.Build();
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.app = app;
        server.BaseUri = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>An absolute URL on this server, e.g. <c>Url("/feed.xml")</c>.</summary>
    public Uri Url(string pathAndQuery) => new(BaseUri, pathAndQuery);

    /// <summary>
    /// Answers <paramref name="path"/> with <paramref name="response"/>, replacing any earlier mapping. A path with a
    /// query ("/list?page=2") matches only that query; one without matches any query.
    /// </summary>
    public LoopbackServer Map(string path, LoopbackResponse response)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(response);
        routes[path.StartsWith('/') ? path : "/" + path] = response;
        return this;
    }

    /// <summary>Answers <paramref name="path"/> with a handler that writes the whole response.</summary>
    public LoopbackServer Map(string path, Func<HttpContext, Task> handler) => Map(path, LoopbackResponse.Handler(handler));

    /// <summary>The requests for one path (query ignored), in arrival order.</summary>
    public IReadOnlyList<LoopbackRequest> RequestsTo(string path) => [.. Requests.Where(r => r.Path == path)];

    public async ValueTask DisposeAsync()
    {
        if (app is null)
        {
            return;
        }

        // Slow and delayed responses watch this token, so shutdown does not wait for them to finish dribbling.
        await stopping.CancelAsync();
        using (var grace = new CancellationTokenSource(ShutdownGrace))
        {
            await app.StopAsync(grace.Token);
        }

        await app.DisposeAsync();
        stopping.Dispose();
        app = null;
    }

    /// <summary>Reads the body for the log and rewinds it, so a handler can still read it.</summary>
    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is 0 or null && !request.Headers.TransferEncoding.Any())
        {
            return [];
        }

        request.EnableBuffering();
        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return copy.ToArray();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var entry = new LoopbackRequest(
            Interlocked.Increment(ref lastSequence),
            request.Method,
            request.Path.Value ?? "/",
            request.QueryString.Value ?? string.Empty,
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            await ReadBodyAsync(request));
        lock (requestsLock)
        {
            requests.Add(entry);
        }

        // OnStarting runs before the status line leaves, so the log is complete by the time a client sees the response.
        context.Response.OnStarting(() =>
        {
            entry.SetStatusCode(context.Response.StatusCode);
            return Task.CompletedTask;
        });

        var response = routes.TryGetValue(entry.PathAndQuery, out var exact) ? exact
            : routes.TryGetValue(entry.Path, out var byPath) ? byPath
            : Fallback;

        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token);
        try
        {
            await response.WriteAsync(context, aborted.Token);
        }
        catch (Exception) when (aborted.IsCancellationRequested)
        {
            // The client stopped reading (a byte cap or timeout under test) or the server is stopping: expected.
        }
        catch (Exception error)
        {
            entry.SetError(error);
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsync($"Loopback route {entry.Path} threw: {error.Message}", CancellationToken.None);
            }
        }
    }
}
