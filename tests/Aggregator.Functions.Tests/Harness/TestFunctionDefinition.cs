using System.Collections.Immutable;
using Microsoft.Azure.Functions.Worker;

namespace Aggregator.Functions.Tests.Harness;

/// <summary>A function's definition as middleware sees it; only the name and id matter to ours.</summary>
public sealed class TestFunctionDefinition(string name) : FunctionDefinition
{
    public override ImmutableArray<FunctionParameter> Parameters => [];

    public override string PathToAssembly => typeof(FunctionsComposition).Assembly.Location;

    public override string EntryPoint => $"{typeof(FunctionsComposition).Namespace}.{name}.RunAsync";

    public override string Id { get; } = Guid.NewGuid().ToString("N");

    public override string Name => name;

    public override IImmutableDictionary<string, BindingMetadata> InputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;

    public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
}
