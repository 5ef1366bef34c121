using System.Text.Json;
using Aggregator.Testing.Http;
using Aggregator.Testing.Paths;

namespace Aggregator.Cli.Tests.Commands;

/// <summary>The bundled samples served over loopback HTTP, and a sources file pointing at them.</summary>
internal sealed class SampleSources : IAsyncDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("aggregator-cli-").FullName;

    private SampleSources(LoopbackServer server) => Server = server;

    public LoopbackServer Server { get; }

    public string Path => System.IO.Path.Combine(directory, "sources.json");

    public static async Task<SampleSources> StartAsync(params (string Id, string File, string ContentType)[] feeds)
    {
        var sources = new SampleSources(await LoopbackServer.StartAsync());
        var entries = new List<object>();
        foreach (var (id, file, contentType) in feeds)
        {
            // With a validator, as real sites send, so an unchanged feed is answered 304 Not Modified.
            var path = RepositoryPaths.InRoot("samples", "feeds", file);
            var etag = "\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)))[..16] + "\"";
            sources.Server.Map("/" + file, LoopbackResponse.File(path, contentType).WithETag(etag));
            // On loopback, which the fetcher refuses unless the source is marked internal.
            entries.Add(new { id, name = id, url = sources.Server.Url("/" + file).AbsoluteUri, type = "feed", allowPrivateNetwork = true });
        }

        await File.WriteAllTextAsync(sources.Path, JsonSerializer.Serialize(new { sources = entries }));
        return sources;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
