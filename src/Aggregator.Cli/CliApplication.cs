using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Aggregator.Cli.Commands;
using Aggregator.Cli.Failures;
using Aggregator.Cli.Terminal;

namespace Aggregator.Cli;

/// <summary>
/// The command line: parse, run the command, and turn what goes wrong into one line on stderr and an exit code
/// (<see cref="ExitCodes"/>) in one place. Tests run it in-process with their own <see cref="CliConsole"/>.
/// </summary>
internal static class CliApplication
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(console);
        var root = Create(console);
        var parsed = root.Parse(args);
        if (parsed.Action is ParseErrorAction)
        {
            foreach (var error in parsed.Errors)
            {
                await console.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync("Run with --help for the options and what they accept.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        try
        {
            return await parsed.InvokeAsync(
                new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = console.Out, Error = console.Error },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            return FailureReport.Write(e, console.Error, CommonOptions.IsVerbose(parsed));
        }
    }

    public static RootCommand Create(CliConsole console)
    {
        var root = new RootCommand("Aggregator: AI research-paper posts from many sources, each paper once, as an RSS feed.")
        {
            IngestCommand.Create(console),
            ServeCommand.Create(console),
            SourcesCommand.Create(console),
            ParseCommand.Create(console),
        };
        root.Options.Add(CommonOptions.Verbose());
        if (root.Options.OfType<HelpOption>().FirstOrDefault() is { Action: HelpAction help } option)
        {
            option.Action = new HelpWithExitCodes(help);
        }

        return root;
    }
}
