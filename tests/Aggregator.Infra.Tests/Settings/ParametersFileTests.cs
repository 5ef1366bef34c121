using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Aggregator.Infra.Tests.Bicep;
using Aggregator.Testing.Paths;

namespace Aggregator.Infra.Tests.Settings;

/// <summary>
/// infra/main.parameters.json: azd fills each main.bicep parameter from an azd environment value (<c>${NAME}</c>, or
/// <c>${NAME=default}</c> when unset), so `azd env set SETTING value` reaches the app setting of the same name.
/// </summary>
public sealed partial class ParametersFileTests
{
    /// <summary>azd values that are not app settings, with what they are for.</summary>
    private static readonly Dictionary<string, string> AzdValues = new(StringComparer.Ordinal)
    {
        ["AZURE_ENV_NAME"] = "azd's environment name: seeds the resource names",
        ["AZURE_LOCATION"] = "azd's region",
        ["AZURE_PRINCIPAL_ID"] = "azd's signed-in principal: gets the storage roles",
        ["MAXIMUM_INSTANCE_COUNT"] = "the Flex Consumption scale ceiling, a plan setting rather than an app setting",
    };

    private static readonly Lazy<Dictionary<string, AzdValue>> LazyFile = new(Read);

    private static Dictionary<string, AzdValue> File => LazyFile.Value;

    [Fact]
    public void EveryParameterInTheFile_IsAMainParameter()
    {
        Assert.All(File.Keys, name => Assert.True(CompiledInfra.Main.Parameters.ContainsKey(name), $"main.bicep has no parameter {name}."));
    }

    [Fact]
    public void EveryRequiredMainParameter_IsInTheFile()
    {
        var required = CompiledInfra.Main.Parameters
            .Where(p => p.Value?["defaultValue"] is null)
            .Select(p => p.Key)
            .ToList();

        Assert.NotEmpty(required);
        Assert.All(required, name => Assert.True(File.ContainsKey(name), $"main.parameters.json does not set {name}."));
    }

    [Fact]
    public void EveryAzdValue_IsAnAppSettingOrAKnownAzdValue()
    {
        var unknown = File.Values
            .Select(v => v.Variable)
            .Where(v => !SettingsTheAppReads.ByTheFunctionsApp.Contains(v) && !AzdValues.ContainsKey(v))
            .ToList();

        Assert.True(unknown.Count == 0, $"Read by nothing: {string.Join(", ", unknown)}");
    }

    /// <summary>The azd value that sets an app setting is named like the setting, and is unset-safe: its default is main.bicep's.</summary>
    [Fact]
    public void EveryAppSettingParameter_IsTheAzdValueOfTheSameNameWithTheSameDefault()
    {
        Assert.All(SettingsTheAppReads.ByTheFunctionsApp.Where(name => name != Aggregator.Hosting.SettingNames.Storage), setting =>
        {
            var parameter = AppSettingsTests.MainParameterOf(setting);
            Assert.True(File.TryGetValue(parameter, out var value), $"main.parameters.json does not set {parameter} ({setting}).");
            Assert.Equal(setting, value.Variable);
            Assert.Equal(MainDefault(parameter), value.Default ?? "");
        });
    }

    [Fact]
    public void MaximumInstanceCount_IsTheAzdValueWithMainsDefault()
    {
        var value = File["maximumInstanceCount"];

        Assert.Equal("MAXIMUM_INSTANCE_COUNT", value.Variable);
        Assert.Equal(MainDefault("maximumInstanceCount"), value.Default);
    }

    [Fact]
    public void Secrets_HaveNoValueInTheFile()
    {
        Assert.All(SettingsTheAppReads.Secrets, setting =>
        {
            var value = File[AppSettingsTests.MainParameterOf(setting)];
            Assert.Equal(setting, value.Variable);
            Assert.Null(value.Default);
        });
    }

    private static string MainDefault(string parameter) =>
        CompiledInfra.Main.Parameters[parameter]?["defaultValue"] switch
        {
            JsonValue v when v.TryGetValue<string>(out var text) => text,
            JsonValue v when v.TryGetValue<bool>(out var flag) => flag ? "true" : "false",
            JsonValue v when v.TryGetValue<int>(out var number) => number.ToString(CultureInfo.InvariantCulture),
            var other => throw new InvalidDataException($"main.bicep's {parameter} has no simple default: {other?.ToJsonString()}"),
        };

    private static Dictionary<string, AzdValue> Read()
    {
        var root = JsonNode.Parse(System.IO.File.ReadAllText(RepositoryPaths.InRoot("infra", "main.parameters.json")))?.AsObject()
            ?? throw new InvalidDataException("main.parameters.json is empty.");
        var parameters = root["parameters"]?.AsObject() ?? throw new InvalidDataException("main.parameters.json has no parameters.");
        return parameters.ToDictionary(
            p => p.Key,
            p =>
            {
                var text = p.Value?["value"]?.GetValue<string>() ?? "";
                var match = AzdReference().Match(text);
                Assert.True(match.Success, $"main.parameters.json sets {p.Key} to '{text}', not to an azd value.");
                return new AzdValue(match.Groups["variable"].Value, match.Groups["default"].Success ? match.Groups["default"].Value : null);
            },
            StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^\$\{(?<variable>[A-Z0-9_]+)(=(?<default>[^}]*))?\}$")]
    private static partial Regex AzdReference();

    private sealed record AzdValue(string Variable, string? Default);
}
