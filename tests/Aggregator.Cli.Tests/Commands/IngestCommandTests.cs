using System.Text.Json;
using Aggregator.Cli.Terminal;
using Aggregator.Testing.Azurite;
using Spectre.Console;

namespace Aggregator.Cli.Tests.Commands;

public sealed class IngestCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Ingest_TwiceOverTheSamples_SecondRunStoresNothingNew()
    {
        await using var sources = await SampleSources.StartAsync(
            ("weibo", "weibo-ai-researcher.xml", "application/rss+xml"), ("arxiv", "arxiv-cs-cl.rdf", "application/rdf+xml"));

        var first = await CliRun.InProcessAsync("ingest", "--sources", sources.Path, "--storage", azurite.ConnectionString);
        var second = await CliRun.InProcessAsync("ingest", "--sources", sources.Path, "--storage", azurite.ConnectionString);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Matches(@"[1-9]\d* new posts", first.Out);
        Assert.Contains("0 new posts", second.Out, StringComparison.Ordinal);
        Assert.Contains("weibo: unchanged", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_OneSourceFails_ExitsOneAndSaysWhyOnItsLine()
    {
        await using var sources = await SampleSources.StartAsync(("arxiv-partly", "arxiv-cs-cl.rdf", "application/rdf+xml"));
        var path = Path.Combine(Path.GetDirectoryName(sources.Path)!, "partly.json");
        await File.WriteAllTextAsync(path, $$"""
            { "sources": [
              { "id": "arxiv-partly", "url": "{{sources.Server.Url("/arxiv-cs-cl.rdf")}}", "allowPrivateNetwork": true },
              { "id": "gone", "url": "{{sources.Server.Url("/gone.xml")}}", "allowPrivateNetwork": true } ] }
            """);

        var run = await CliRun.InProcessAsync("ingest", "--sources", path, "--storage", azurite.ConnectionString);

        Assert.Equal(1, run.ExitCode);
        var gone = Assert.Single(run.OutLines, l => l.StartsWith("gone:", StringComparison.Ordinal));
        Assert.StartsWith("gone: failed, 0 new of 0, 0 duplicate, ", gone, StringComparison.Ordinal);
        Assert.Contains("404", gone, StringComparison.Ordinal);
        Assert.Single(run.OutLines, l => l.StartsWith("arxiv-partly: ingested, ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ingest_InvalidSourcesFile_ExitsTwoNamingTheField()
    {
        var path = Path.Combine(Path.GetTempPath(), $"invalid-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{ "sources": [ { "id": "x", "type": "feed" } ] }""");

        var run = await CliRun.InProcessAsync("ingest", "--sources", path, "--storage", azurite.ConnectionString);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("field 'url' is required", run.Error, StringComparison.Ordinal);
        Assert.Contains(path, run.Error, StringComparison.Ordinal);
        Assert.False(run.HasStackTrace, run.ToString());
        File.Delete(path);
    }

    [Fact]
    public async Task Ingest_StorageRefusesTheKey_SaysCredentialsRefusedWithoutTheKeyAndExits3()
    {
        await using var sources = await SampleSources.StartAsync(("refused", "arxiv-cs-cl.rdf", "application/rdf+xml"));
        const string wrongKey = "d3Jvbmcta2V5LW5vdC1henVyaXRlcw==";
        var storage = CliRun.ConnectionString(azurite.Process.TableEndpoint.AbsoluteUri, wrongKey);

        var run = await CliRun.InProcessAsync("ingest", "--sources", sources.Path, "--storage", storage);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"Storage refused the credentials for {azurite.Process.TableEndpoint.AbsoluteUri.TrimEnd('/')} (403", run.Error, StringComparison.Ordinal);
        Assert.Contains("AccountKey", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, run.Error, StringComparison.Ordinal);
        Assert.False(run.HasStackTrace, run.ToString());
    }

    [Fact]
    public async Task Ingest_Redirected_WritesOnePlainLinePerSourceAndTheTotals()
    {
        await using var sources = await SampleSources.StartAsync(
            ("plain-weekly", "paperweekly.xml", "application/rss+xml"), ("plain-chatpaper", "chatpaper-daily.atom", "application/atom+xml"));

        var run = await CliRun.InProcessAsync(TerminalProfile.Redirected, "ingest", "--sources", sources.Path, "--storage", azurite.ConnectionString);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain('\x1b', run.Out);
        Assert.Equal(3, run.OutLines.Count);
        Assert.Single(run.OutLines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^plain-weekly: ingested, \d+ new of [1-9]\d*, \d+ duplicate, \d+\.\ds"));
        Assert.Single(run.OutLines, l => l.StartsWith("plain-chatpaper: ingested, ", StringComparison.Ordinal));
        Assert.Matches(@"^2 sources: \d+ new posts, 0 failed, \d+\.\ds$", run.OutLines[^1]);
        Assert.DoesNotContain("╭", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_AsAProcessWithStdoutRedirected_WritesNoEscapeCodesAndNoTable()
    {
        await using var sources = await SampleSources.StartAsync(("process-arxiv", "arxiv-cs-cl.rdf", "application/rdf+xml"));

        var run = await CliRun.ProcessAsync(
            new Dictionary<string, string> { ["TERM"] = "xterm-256color" }, "ingest", "--sources", sources.Path, "--storage", azurite.ConnectionString);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain('\x1b', run.Out + run.Error);
        Assert.StartsWith("process-arxiv: ingested, ", run.OutLines[0], StringComparison.Ordinal);
        Assert.Equal(2, run.OutLines.Count);
    }

    [Fact]
    public async Task Ingest_Json_WritesOneDocumentWithEachSourcesStatusCountsAndNextAttempt()
    {
        await using var sources = await SampleSources.StartAsync(("json-csdn", "csdn-ai-notes-gbk.xml", "text/xml"));
        var path = Path.Combine(Path.GetDirectoryName(sources.Path)!, "json.json");
        await File.WriteAllTextAsync(path, $$"""
            { "sources": [
              { "id": "json-csdn", "url": "{{sources.Server.Url("/csdn-ai-notes-gbk.xml")}}", "allowPrivateNetwork": true },
              { "id": "json-gone", "url": "{{sources.Server.Url("/gone.xml")}}", "allowPrivateNetwork": true } ] }
            """);

        var run = await CliRun.InProcessAsync("ingest", "--json", "--sources", path, "--storage", azurite.ConnectionString);

        Assert.Equal(1, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        var root = document.RootElement;
        Assert.Equal(1, root.GetProperty("failed").GetInt32());
        var list = root.GetProperty("sources").EnumerateArray().ToList();
        var csdn = Assert.Single(list, s => s.GetProperty("id").GetString() == "json-csdn");
        var gone = Assert.Single(list, s => s.GetProperty("id").GetString() == "json-gone");
        Assert.Equal("ingested", csdn.GetProperty("status").GetString());
        var counts = csdn.GetProperty("newPosts").GetInt32() + csdn.GetProperty("duplicates").GetInt32() + csdn.GetProperty("known").GetInt32();
        Assert.True(counts > 0);
        Assert.Equal(counts, csdn.GetProperty("items").GetInt32());
        Assert.Equal(csdn.GetProperty("newPosts").GetInt32(), csdn.GetProperty("totalItems").GetInt32());
        Assert.Equal(JsonValueKind.Null, csdn.GetProperty("error").ValueKind);
        Assert.Equal("failed", gone.GetProperty("status").GetString());
        Assert.Contains("404", gone.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, gone.GetProperty("nextAttempt").ValueKind);
    }

    [Fact]
    public async Task Ingest_OnANarrowTerminal_FitsTheTableToItsWidthCuttingLongNamesWithAnEllipsis()
    {
        const string longName = "A very long source name that would wrap over three lines of an eighty-column table";
        await using var sources = await SampleSources.StartAsync(("narrow-arxiv", "arxiv-cs-cl.rdf", "application/rdf+xml"));
        var path = Path.Combine(Path.GetDirectoryName(sources.Path)!, "narrow.json");
        await File.WriteAllTextAsync(path, $$"""{ "sources": [ { "id": "narrow-arxiv", "name": "{{longName}}", "url": "{{sources.Server.Url("/arxiv-cs-cl.rdf")}}", "allowPrivateNetwork": true } ] }""");
        var dumbTerminal = new TerminalProfile(IsTerminal: true, Colors: false, Live: false, Width: 70);

        var run = await CliRun.InProcessAsync(dumbTerminal, "ingest", "--sources", path, "--storage", azurite.ConnectionString);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain('\x1b', run.Out);
        Assert.All(run.OutLines, l => Assert.True(l.GetCellWidth() <= 70, $"{l.GetCellWidth()} cells: {l}"));
        var row = Assert.Single(run.OutLines, l => l.Contains("A very long", StringComparison.Ordinal));
        Assert.Contains("…", row, StringComparison.Ordinal);
        Assert.Contains("ingested", row, StringComparison.Ordinal);
    }
}
