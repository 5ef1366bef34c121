using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Aggregator.Functions.Tests.Harness;

/// <summary>The Functions app's function classes and methods, found as the worker SDK finds them: by [Function].</summary>
public static class FunctionClasses
{
    public static IReadOnlyList<MethodInfo> Methods { get; } =
        [.. typeof(FunctionsComposition).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(method => method.GetCustomAttribute<FunctionAttribute>() is not null)
            .OrderBy(method => method.GetCustomAttribute<FunctionAttribute>()!.Name, StringComparer.Ordinal)];

    public static IReadOnlyList<Type> Types { get; } = [.. Methods.Select(m => m.DeclaringType!).Distinct()];

    /// <summary>The function names, as xUnit theory data.</summary>
    public static TheoryData<string> Names => [.. Methods.Select(NameOf)];

    public static string NameOf(MethodInfo method) => method.GetCustomAttribute<FunctionAttribute>()!.Name;

    public static MethodInfo Named(string name) => Methods.Single(m => NameOf(m) == name);
}
