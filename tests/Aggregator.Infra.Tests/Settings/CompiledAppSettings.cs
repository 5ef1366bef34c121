using System.Text.Json.Nodes;
using Aggregator.Infra.Tests.Arm;
using Aggregator.Infra.Tests.Bicep;

namespace Aggregator.Infra.Tests.Settings;

/// <summary>
/// The function app's settings as the compiled template sets them: the properties of its <c>sites/config</c>
/// "appsettings" resource, resolved up the module tree to main.bicep, where every setting is written once.
/// </summary>
internal static class CompiledAppSettings
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> LazyValues = new(Read);

    /// <summary>Each setting's value: a literal or an expression in main.bicep's terms.</summary>
    public static IReadOnlyDictionary<string, string> Values => LazyValues.Value;

    /// <summary>The deployments the settings pass through, from the one that applies them up to main.bicep.</summary>
    public static IEnumerable<ArmDeployment> Chain()
    {
        var (deployment, _) = Config;
        var chain = new List<ArmDeployment>();
        for (var d = deployment; d is not null; d = d.Parent)
        {
            chain.Add(d);
        }

        return chain;
    }

    public static (ArmDeployment Deployment, JsonObject Resource) Config
    {
        get
        {
            var configs = CompiledInfra.Main.Find("Microsoft.Web/sites/config");
            return Assert.Single(configs, c => c.Resource["name"]?.GetValue<string>()?.Contains("'appsettings'", StringComparison.Ordinal) == true);
        }
    }

    private static IReadOnlyDictionary<string, string> Read()
    {
        var (deployment, resource) = Config;
        var settings = deployment.Resolve(resource["properties"]) as JsonObject
            ?? throw new InvalidDataException("The app settings do not resolve to one object in the template: they are not checkable.");
        return settings.ToDictionary(
            pair => pair.Key,
            pair => pair.Value is JsonValue value && value.TryGetValue<string>(out var text)
                ? text
                : throw new InvalidDataException($"App setting {pair.Key} is not a string: {pair.Value?.ToJsonString()}"),
            StringComparer.Ordinal);
    }
}
