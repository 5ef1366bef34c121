using Spectre.Console;

namespace Aggregator.Cli.Tests.Commands;

/// <summary>A non-interactive console that records what a command printed.</summary>
internal sealed class TestConsole
{
    private readonly StringWriter output = new();

    public TestConsole() => Console = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(output),
    });

    public IAnsiConsole Console { get; }

    public string Output => output.ToString();
}
