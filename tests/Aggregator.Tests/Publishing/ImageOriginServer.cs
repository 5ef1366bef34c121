using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aggregator.Tests.Publishing;

/// <summary>A loopback stand-in for a hot-link-protected image host: it records each request's Referer.</summary>
internal sealed class ImageOriginServer : IAsyncDisposable
{
    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0xFF, 0xD9];

    private readonly WebApplication app;

    private ImageOriginServer(WebApplication app, int port)
    {
        this.app = app;
        Port = port;
    }

    public int Port { get; }

    public ConcurrentQueue<(string Path, string? Referer)> Requests { get; } = new();

    public static async Task<ImageOriginServer> StartAsync(long bigImageBytes = 6 * 1024 * 1024)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        ImageOriginServer? server = null;
        app.Use(async (context, next) =>
        {
            server!.Requests.Enqueue((context.Request.Path.Value!, context.Request.Headers.Referer.ToString()));
            await next(context);
        });
        app.MapGet("/large/photo.jpg", () => Results.Bytes(Jpeg, "image/jpeg"));
        app.MapGet("/page.html", () => Results.Text("<html>not an image</html>", "text/html"));
        app.MapGet("/drawing.svg", () => Results.Text("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "image/svg+xml"));
        app.MapGet("/huge.png", () => Results.Bytes(new byte[bigImageBytes], "image/png"));
        app.MapGet("/huge-chunked.png", async (HttpContext context) =>
        {
            context.Response.ContentType = "image/png";
            var chunk = new byte[64 * 1024];
            for (long sent = 0; sent < bigImageBytes; sent += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk);
            }
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        server = new ImageOriginServer(app, address.Port);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
