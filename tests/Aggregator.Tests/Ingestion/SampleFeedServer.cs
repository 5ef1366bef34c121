using Aggregator.Testing.Http;
using Aggregator.Testing.Paths;

namespace Aggregator.Tests.Ingestion;

/// <summary>The bundled sample sources (samples/), served over loopback HTTP as their sites would serve them.</summary>
internal static class SampleFeedServer
{
    public static readonly (string Id, string Path, string ContentType)[] Feeds =
    [
        ("weibo-aikeke", "feeds/weibo-ai-researcher.xml", "application/rss+xml; charset=utf-8"),
        ("paperweekly", "feeds/paperweekly.xml", "application/xml"),
        ("ml-frontier", "feeds/ml-frontier-repost.xml", "text/xml; charset=utf-8"),
        // Declared GBK in the XML only, as many Chinese sites do; the header names no charset.
        ("csdn-ai-notes", "feeds/csdn-ai-notes-gbk.xml", "text/xml"),
        ("chatpaper-daily", "feeds/chatpaper-daily.atom", "application/atom+xml"),
        ("arxiv-cs-cl", "feeds/arxiv-cs-cl.rdf", "application/rdf+xml"),
    ];

    public static async Task<LoopbackServer> StartAsync()
    {
        var server = await LoopbackServer.StartAsync();
        foreach (var (_, path, contentType) in Feeds)
        {
            // Validators as a real site sends them, so a second run is answered 304 Not Modified.
            var file = RepositoryPaths.InRoot("samples", path);
            var etag = "\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)))[..16] + "\"";
            server.Map("/" + path, LoopbackResponse.File(file, contentType).WithETag(etag));
        }

        return server;
    }

    public static IEnumerable<object> Sources(LoopbackServer server) =>
        Feeds.Select(f => IngestionHarness.Feed(f.Id, server.Url("/" + f.Path)));
}
