using Aggregator.Cli.Terminal;

namespace Aggregator.Cli.Tests.Terminal;

public sealed class TerminalProfileTests
{
    [Fact]
    public void Detect_Redirected_IsPlainWhateverTheTerminalSays()
    {
        var profile = TerminalProfile.Detect(outputRedirected: true, noColor: null, term: "xterm-256color", () => throw new IOException("no window"));

        Assert.False(profile.IsTerminal);
        Assert.False(profile.Colors);
        Assert.False(profile.Live);
    }

    [Fact]
    public void Detect_Terminal_HasColoursLiveProgressAndItsWidth()
    {
        var profile = TerminalProfile.Detect(outputRedirected: false, noColor: null, term: "xterm-256color", () => 132);

        Assert.Equal(new TerminalProfile(IsTerminal: true, Colors: true, Live: true, Width: 132), profile);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("true")]
    [InlineData("0")]
    public void Detect_NoColorWithAnyValue_TurnsColoursOffButKeepsLiveProgress(string noColor)
    {
        var profile = TerminalProfile.Detect(outputRedirected: false, noColor, term: "xterm", () => 100);

        Assert.False(profile.Colors);
        Assert.True(profile.Live);
        Assert.True(profile.IsTerminal);
    }

    [Fact]
    public void Detect_NoColorEmpty_IsIgnored()
    {
        Assert.True(TerminalProfile.Detect(outputRedirected: false, noColor: "", term: "xterm", () => 100).Colors);
    }

    [Fact]
    public void Detect_DumbTerminal_HasNeitherColoursNorCursorMovementButStillATable()
    {
        var profile = TerminalProfile.Detect(outputRedirected: false, noColor: null, term: "dumb", () => 80);

        Assert.False(profile.Colors);
        Assert.False(profile.Live);
        Assert.True(profile.IsTerminal);
    }

    [Fact]
    public void Detect_UnknownWindowWidth_AssumesEighty()
    {
        Assert.Equal(80, TerminalProfile.Detect(outputRedirected: false, noColor: null, term: null, () => 0).Width);
    }
}
