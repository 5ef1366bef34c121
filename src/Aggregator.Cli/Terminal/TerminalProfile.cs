namespace Aggregator.Cli.Terminal;

/// <summary>
/// What stdout can show. Redirected (a file, a pipe, CI): plain lines, no escape codes. On a terminal: tables at its
/// width, colours unless <c>NO_COLOR</c> is set, and live progress unless <c>TERM=dumb</c> (which has no cursor control
/// and no colours either).
/// </summary>
internal sealed record TerminalProfile(bool IsTerminal, bool Colors, bool Live, int Width)
{
    /// <summary>Plain text with no width to fit: lines are written whole.</summary>
    public static readonly TerminalProfile Redirected = new(IsTerminal: false, Colors: false, Live: false, Width: 240);

    public static TerminalProfile OfProcess() => Detect(
        Console.IsOutputRedirected, Environment.GetEnvironmentVariable("NO_COLOR"), Environment.GetEnvironmentVariable("TERM"), WindowWidth);

    /// <param name="outputRedirected">Whether stdout is a file or a pipe rather than a terminal.</param>
    /// <param name="noColor">NO_COLOR: any non-empty value turns colours off (https://no-color.org).</param>
    /// <param name="term">TERM: "dumb" means no colours and no cursor movement.</param>
    /// <param name="windowWidth">Asked only on a terminal.</param>
    public static TerminalProfile Detect(bool outputRedirected, string? noColor, string? term, Func<int> windowWidth)
    {
        ArgumentNullException.ThrowIfNull(windowWidth);
        if (outputRedirected)
        {
            return Redirected;
        }

        var dumb = string.Equals(term, "dumb", StringComparison.OrdinalIgnoreCase);
        var width = windowWidth();
        return new TerminalProfile(IsTerminal: true, Colors: !dumb && string.IsNullOrEmpty(noColor), Live: !dumb, Width: width > 0 ? width : 80);
    }

    private static int WindowWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
