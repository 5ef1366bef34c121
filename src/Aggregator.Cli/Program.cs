using Aggregator.Cli;
using Aggregator.Cli.Terminal;

return await CliApplication.RunAsync(args, CliConsole.OfProcess());
