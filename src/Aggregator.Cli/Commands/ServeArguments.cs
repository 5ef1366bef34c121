namespace Aggregator.Cli.Commands;

/// <summary>
/// What <c>serve</c> is told on the command line. A new option is a property here, an <c>Option</c> in
/// <see cref="ServeCommand.Create"/> and one line of its binding.
/// </summary>
internal sealed record ServeArguments(PipelineArguments Pipeline)
{
    public string Urls { get; init; } = ServeCommand.DefaultUrls;

    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(30);

    public bool NoIngest { get; init; }

    /// <summary>Fan out as the Functions app does: each run queues one message per source, and this process consumes them.</summary>
    public bool Queue { get; init; }

    /// <summary>Host configuration in ASP.NET Core's command-line form (<c>--ADMIN_KEY=…</c>); tests use it.</summary>
    public IReadOnlyList<string> HostArgs { get; init; } = [];
}
