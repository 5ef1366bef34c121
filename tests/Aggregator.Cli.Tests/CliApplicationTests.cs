using Aggregator.Cli.Terminal;

namespace Aggregator.Cli.Tests;

/// <summary>Failures that need no storage: what the user is told, and the exit code a script sees.</summary>
public sealed class CliApplicationTests
{
    [Fact]
    public async Task Ingest_StorageNotListening_SaysNothingAnswersThereWithoutKeyOrStackAndExits3()
    {
        var port = CliRun.ClosedPort();
        await using var sources = await Commands.SampleSources.StartAsync();

        var run = await CliRun.InProcessAsync("ingest", "--sources", sources.Path, "--storage", CliRun.ConnectionString($"http://127.0.0.1:{port}/devstoreaccount1"));

        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"Storage unavailable: nothing answers at http://127.0.0.1:{port}/devstoreaccount1", run.Error, StringComparison.Ordinal);
        Assert.Contains("npm run azurite", run.Error, StringComparison.Ordinal);
        Assert.Contains("--storage", run.Error, StringComparison.Ordinal);
        Assert.False(run.HasStackTrace, run.ToString());
        Assert.DoesNotContain(Aggregator.Azurite.AzuriteProcess.DevelopmentAccountKey, run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task Ingest_StorageNotListeningWithVerbose_AddsTheStackTrace()
    {
        var port = CliRun.ClosedPort();
        await using var sources = await Commands.SampleSources.StartAsync();

        var run = await CliRun.InProcessAsync("ingest", "--verbose", "--sources", sources.Path, "--storage", CliRun.ConnectionString($"http://127.0.0.1:{port}/devstoreaccount1"));

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("nothing answers at", run.Error, StringComparison.Ordinal);
        Assert.True(run.HasStackTrace, run.ToString());
        Assert.Contains("RequestFailedException", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sources_MissingSourcesFile_NamesThePathSaysWhatToPassAndExits2()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json");

        var run = await CliRun.InProcessAsync("sources", "--sources", missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Sources file not found: {missing}", run.Error, StringComparison.Ordinal);
        Assert.Contains("--sources", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Starting Azurite", run.Error, StringComparison.Ordinal);
        Assert.False(run.HasStackTrace, run.ToString());
    }

    [Fact]
    public async Task Serve_IntervalNotATimeSpan_NamesTheOptionTheValueAndWhatIsAcceptedAndExits2()
    {
        var run = await CliRun.InProcessAsync("serve", "--interval", "soon");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--interval 'soon'", run.Error, StringComparison.Ordinal);
        Assert.Contains("00:30:00", run.Error, StringComparison.Ordinal);
        Assert.False(run.HasStackTrace, run.ToString());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("70000")]
    public async Task Serve_PortOutOfRange_SaysWhatIsAcceptedAndExits2(string port)
    {
        var run = await CliRun.InProcessAsync("serve", "--port", port);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--port '{port}'", run.Error, StringComparison.Ordinal);
        Assert.Contains("1 to 65535", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownOption_IsAUsageErrorExit2()
    {
        var run = await CliRun.InProcessAsync("ingest", "--sauces", "x.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--sauces", run.Error, StringComparison.Ordinal);
        Assert.Contains("--help", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("serve")]
    [InlineData("sources")]
    public async Task Help_OfEveryCommand_ListsTheExitCodes(string command)
    {
        var run = await CliRun.InProcessAsync(command, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Exit codes:", run.Out, StringComparison.Ordinal);
        Assert.Contains("3    storage unavailable or refusing the credentials", run.Out, StringComparison.Ordinal);
        Assert.Contains("--verbose", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("INGEST_TIME_BUDGET", "ten minutes", "00:08:00")]
    [InlineData("ENRICHMENT_ENABLED", "sometimes", "expected true or false")]
    public async Task Ingest_InvalidSettingInTheEnvironment_NamesTheSettingAndValueBeforeTouchingStorageAndExits2(string setting, string value, string accepted)
    {
        await using var sources = await Commands.SampleSources.StartAsync();

        var run = await CliRun.ProcessAsync(
            new Dictionary<string, string> { [setting] = value },
            "ingest", "--sources", sources.Path, "--storage", CliRun.ConnectionString($"http://127.0.0.1:{CliRun.ClosedPort()}/devstoreaccount1"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{setting} is '{value}'", run.Error, StringComparison.Ordinal);
        Assert.Contains(accepted, run.Error, StringComparison.Ordinal);
        Assert.False(run.HasStackTrace, run.ToString());
    }

    [Fact]
    public async Task Ingest_InvalidJsonSourcesFile_NamesTheFileAndLineAndExits2()
    {
        var path = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, "{ \"sources\": [\n  { \"id\": \"a\", ]\n}");
        try
        {
            var run = await CliRun.InProcessAsync(TerminalProfile.Redirected, "ingest", "--sources", path, "--storage", CliRun.ConnectionString("http://127.0.0.1:1/devstoreaccount1"));

            Assert.Equal(2, run.ExitCode);
            Assert.Contains($"{path}: not valid JSON (line 2,", run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("LineNumber", run.Error, StringComparison.Ordinal);
            Assert.False(run.HasStackTrace, run.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
