using Spectre.Console;

namespace Aggregator.Cli.Terminal;

/// <summary>
/// Where a command writes: results on stdout (<see cref="Out"/>), errors and notices on stderr (<see cref="Error"/>),
/// and what stdout can show (<see cref="Terminal"/>). Tests give their own writers and profile.
/// </summary>
internal sealed class CliConsole(TextWriter output, TextWriter error, TerminalProfile terminal)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public TerminalProfile Terminal { get; } = terminal;

    public static CliConsole OfProcess() => new(Console.Out, Console.Error, TerminalProfile.OfProcess());

    /// <summary>Spectre over <see cref="Out"/>, allowed escape codes only as far as <see cref="Terminal"/> says.</summary>
    public IAnsiConsole CreateAnsiConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = Terminal.Colors || Terminal.Live ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = Terminal.Colors ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = Terminal.Live ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(Out),
        });
        console.Profile.Width = Terminal.Width;
        return console;
    }
}
