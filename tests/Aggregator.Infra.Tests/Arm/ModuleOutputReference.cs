using System.Text.RegularExpressions;

namespace Aggregator.Infra.Tests.Arm;

/// <summary>
/// An expression that reads one output of a sibling module deployment, as Bicep compiles <c>module.outputs.x</c>:
/// <c>reference(...'Microsoft.Resources/deployments', 'storage'), '2025-04-01').outputs.primaryBlobEndpoint.value</c>.
/// </summary>
internal sealed partial record ModuleOutputReference(string Deployment, string Output)
{
    /// <summary>The reference the whole expression is, or null when it is anything else.</summary>
    public static ModuleOutputReference? Parse(string expression) =>
        WholeReference().Match(expression) is { Success: true } match
            ? new ModuleOutputReference(match.Groups["deployment"].Value, match.Groups["output"].Value)
            : null;

    /// <summary>Every module output the expression reads, wherever in it.</summary>
    public static IReadOnlyList<ModuleOutputReference> FindAll(string expression) =>
        AnyReference().Matches(expression)
            .Select(m => new ModuleOutputReference(m.Groups["deployment"].Value, m.Groups["output"].Value))
            .ToList();

    [GeneratedRegex(@"^\[reference\(.*'Microsoft\.Resources/deployments', '(?<deployment>[\w-]+)'\), '[\d-]+'\)\.outputs\.(?<output>\w+)\.value\]$")]
    private static partial Regex WholeReference();

    [GeneratedRegex(@"'Microsoft\.Resources/deployments', '(?<deployment>[\w-]+)'\), '[\d-]+'\)\.outputs\.(?<output>\w+)\.value")]
    private static partial Regex AnyReference();
}
