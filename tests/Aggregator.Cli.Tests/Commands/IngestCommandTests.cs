using Aggregator.Cli.Commands;
using Aggregator.Testing.Azurite;

namespace Aggregator.Cli.Tests.Commands;

public sealed class IngestCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Ingest_TwiceOverTheSamples_SecondRunStoresNothingNew()
    {
        await using var sources = await SampleSources.StartAsync(
            ("weibo", "weibo-ai-researcher.xml", "application/rss+xml"), ("arxiv", "arxiv-cs-cl.rdf", "application/rdf+xml"));
        var first = new TestConsole();
        var second = new TestConsole();

        var firstExit = await IngestCommand.RunAsync(sources.Path, azurite.ConnectionString, force: false, first.Console, CancellationToken.None);
        var secondExit = await IngestCommand.RunAsync(sources.Path, azurite.ConnectionString, force: false, second.Console, CancellationToken.None);

        Assert.Equal(0, firstExit);
        Assert.Equal(0, secondExit);
        Assert.Matches(@"[1-9]\d* new posts", first.Output);
        Assert.Contains("0 new posts", second.Output, StringComparison.Ordinal);
        Assert.Contains("unchanged", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_EverySourceFails_ExitsNonZeroAndSaysWhy()
    {
        await using var sources = await SampleSources.StartAsync();
        var path = Path.Combine(Path.GetDirectoryName(sources.Path)!, "broken.json");
        await File.WriteAllTextAsync(path, $$"""{ "sources": [ { "id": "gone", "url": "{{sources.Server.Url("/gone.xml")}}", "allowPrivateNetwork": true } ] }""");
        var console = new TestConsole();

        var exit = await IngestCommand.RunAsync(path, azurite.ConnectionString, force: false, console.Console, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("404", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_InvalidSourcesFile_ExitsNonZeroNamingTheField()
    {
        var path = Path.Combine(Path.GetTempPath(), $"invalid-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{ "sources": [ { "id": "x", "type": "feed" } ] }""");
        var console = new TestConsole();

        var exit = await IngestCommand.RunAsync(path, azurite.ConnectionString, force: false, console.Console, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("field 'url' is required", console.Output, StringComparison.Ordinal);
        File.Delete(path);
    }
}
