using System.Security.Cryptography;
using Aggregator.Testing.Http;
using Aggregator.Testing.Paths;

namespace Aggregator.Functions.Tests.Harness;

/// <summary>
/// The sample feeds served over loopback HTTP as their sites serve them (with validators, so an unchanged feed is
/// answered 304), plus a small feed whose post shows a figure hosted on the same server.
/// </summary>
public sealed class SampleFeedServer : IAsyncDisposable
{
    public const string FiguresPath = "/figures.xml";

    public const string FigurePath = "/figure.png";

    /// <summary>A 1×1 PNG: small, but a real image the proxy accepts.</summary>
    public static readonly byte[] FigurePng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private SampleFeedServer(LoopbackServer server) => Server = server;

    public LoopbackServer Server { get; }

    /// <summary>Where the figures feed's post links its figure: "localhost", so a test can mark the host as hot-link-protected.</summary>
    public string FigureUrl => $"http://localhost:{Server.BaseUri.Port}{FigurePath}";

    public object FiguresSource => Source("figures", FiguresPath);

    /// <param name="delay">How long every feed takes to answer (a slow site), to use up an ingest's time budget.</param>
    public static async Task<SampleFeedServer> StartAsync(TimeSpan delay = default)
    {
        var server = new SampleFeedServer(await LoopbackServer.StartAsync());
        foreach (var feed in SampleFeed.All)
        {
            var file = RepositoryPaths.InRoot("samples", "feeds", feed.File);
            var etag = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file)))[..16];
            server.Server.Map(feed.Path, LoopbackResponse.File(file, feed.ContentType).WithETag(etag).DelayedBy(delay));
        }

        server.Server.Map(FiguresPath, LoopbackResponse.Text(server.FiguresRss(), "application/rss+xml; charset=utf-8").DelayedBy(delay));
        server.Server.Map(FigurePath, LoopbackResponse.Bytes(FigurePng, "image/png"));
        return server;
    }

    /// <summary>An entry of sources.json for one of the sample feeds on this server.</summary>
    public object Source(SampleFeed feed) => Source(feed.Id, feed.Path);

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    // On loopback, which the fetcher refuses unless the source is marked internal.
    private object Source(string id, string path) => new { id, name = id, url = Server.Url(path).AbsoluteUri, type = "feed", allowPrivateNetwork = true };

    private string FiguresRss() => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Figures</title><link>{Server.BaseUri}</link>
        <item><title>Figure 1 of the Step-DPO paper, explained</title><link>{Server.Url("/posts/figure-1")}</link><guid>figure-1</guid>
        <pubDate>Mon, 01 Jul 2024 08:00:00 GMT</pubDate>
        <description><![CDATA[<p>The first figure compares step-wise and answer-level preferences on long reasoning chains.</p>
        <p><img src="{FigureUrl}" alt="Figure 1"></p>]]></description></item>
        </channel></rss>
        """;
}
