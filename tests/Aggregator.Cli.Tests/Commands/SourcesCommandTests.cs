using System.Text.Json;
using Aggregator.Testing.Azurite;

namespace Aggregator.Cli.Tests.Commands;

public sealed class SourcesCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Sources_Redirected_WritesOnePlainLinePerSourceAndExitsOneWhenOneIsFailing()
    {
        await using var sources = await SampleSources.StartAsync(("listed-arxiv", "arxiv-cs-cl.rdf", "application/rdf+xml"));
        var path = await WithBrokenSourceAsync(sources, "listed-gone");
        await CliRun.InProcessAsync("ingest", "--sources", path, "--storage", azurite.ConnectionString);

        var run = await CliRun.InProcessAsync("sources", "--sources", path, "--storage", azurite.ConnectionString);

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain('\x1b', run.Out);
        Assert.Equal(2, run.OutLines.Count);
        Assert.Matches(@"^listed-arxiv: ok, \d+ new last run, \d+ stored, 0 failures, last success \d{4}-\d\d-\d\d \d\d:\d\dZ, next attempt ", run.OutLines[0]);
        Assert.StartsWith("listed-gone: failing, 0 new last run, 0 stored, 1 failures, last success never, next attempt ", run.OutLines[1], StringComparison.Ordinal);
        Assert.Contains("404", run.OutLines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sources_Json_IsTheHealthDocumentAndNothingElse()
    {
        await using var sources = await SampleSources.StartAsync(("json-listed", "weibo-ai-researcher.xml", "application/rss+xml"));
        await CliRun.InProcessAsync("ingest", "--sources", sources.Path, "--storage", azurite.ConnectionString);

        var run = await CliRun.InProcessAsync("sources", "--json", "--sources", sources.Path, "--storage", azurite.ConnectionString);

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        var source = Assert.Single(document.RootElement.GetProperty("sources").EnumerateArray());
        Assert.Equal("json-listed", source.GetProperty("id").GetString());
        Assert.Equal("ok", source.GetProperty("status").GetString());
        Assert.True(source.GetProperty("totalItems").GetInt32() > 0);
        Assert.Equal(0, source.GetProperty("failureCount").GetInt32());
        Assert.True(source.TryGetProperty("nextAttempt", out _));
    }

    private static async Task<string> WithBrokenSourceAsync(SampleSources sources, string brokenId)
    {
        var catalog = JsonDocument.Parse(await File.ReadAllTextAsync(sources.Path)).RootElement.GetProperty("sources")[0];
        var path = Path.Combine(Path.GetDirectoryName(sources.Path)!, "with-broken.json");
        await File.WriteAllTextAsync(path, $$"""
            { "sources": [
              { "id": "{{catalog.GetProperty("id").GetString()}}", "url": "{{catalog.GetProperty("url").GetString()}}", "allowPrivateNetwork": true },
              { "id": "{{brokenId}}", "url": "{{sources.Server.Url("/gone.xml")}}", "allowPrivateNetwork": true } ] }
            """);
        return path;
    }
}
