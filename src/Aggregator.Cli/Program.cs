using System.CommandLine;
using Aggregator.Cli.Commands;

var root = new RootCommand("Aggregator: AI research-paper posts from many sources, each paper once, as an RSS feed.")
{
    IngestCommand.Create(),
    ServeCommand.Create(),
    SourcesCommand.Create(),
    ParseCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
