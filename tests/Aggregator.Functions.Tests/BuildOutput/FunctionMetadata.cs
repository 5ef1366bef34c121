namespace Aggregator.Functions.Tests.BuildOutput;

/// <summary>One function of functions.metadata, the file the Functions host indexes the app by.</summary>
public sealed record FunctionMetadata(
    string Name,
    string ScriptFile,
    string EntryPoint,
    string Language,
    IReadOnlyList<FunctionBinding> Bindings,
    FunctionRetry? Retry)
{
    /// <summary>The binding that starts the function (the one whose type ends in "Trigger").</summary>
    public FunctionBinding Trigger => Bindings.Single(b => b.Type.EndsWith("Trigger", StringComparison.Ordinal));
}

/// <summary>One binding of a function: for an HTTP trigger its route, methods and authorization level; for a timer its schedule; for a queue its queue and connection setting.</summary>
public sealed record FunctionBinding(
    string Name,
    string Type,
    string Direction,
    string? AuthLevel,
    IReadOnlyList<string>? Methods,
    string? Route,
    string? Schedule,
    string? QueueName = null,
    string? Connection = null);

/// <summary>The function's retry policy, as [FixedDelayRetry] declares it.</summary>
public sealed record FunctionRetry(string Strategy, int MaxRetryCount, string? DelayInterval);
