using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Aggregator.Cli.Failures;

namespace Aggregator.Cli.Commands;

/// <summary>Every command's --help, followed by what its exit code means.</summary>
internal sealed class HelpWithExitCodes(HelpAction help) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var exitCode = help.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine("Exit codes:");
        foreach (var line in ExitCodes.HelpLines)
        {
            output.WriteLine("  " + line);
        }

        output.WriteLine();
        return exitCode;
    }
}
