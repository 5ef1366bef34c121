using System.Text.Json;
using Aggregator.Hosting;
using Aggregator.Infra.Tests.Bicep;
using Aggregator.Testing.Paths;

namespace Aggregator.Infra.Tests.Settings;

/// <summary>src/Aggregator.Functions/local.settings.sample.json: what a developer copies to run `func start`.</summary>
public sealed class LocalSettingsSampleTests
{
    /// <summary>Sample values that differ from main.bicep's defaults on purpose.</summary>
    private static readonly Dictionary<string, string> LocalOnlyValues = new(StringComparer.Ordinal)
    {
        [SettingNames.SourcesFile] = "func start runs from the build output, so the sample points back up to the repository's file",
    };

    private static readonly Lazy<Dictionary<string, string>> LazyValues = new(Read);

    private static Dictionary<string, string> Values => LazyValues.Value;

    [Fact]
    public void Sample_SetsEverySettingTheFunctionsAppReads()
    {
        var missing = SettingsTheAppReads.ByTheFunctionsApp.Where(name => !Values.ContainsKey(name)).ToList();

        Assert.True(missing.Count == 0, $"Not in local.settings.sample.json: {string.Join(", ", missing)}");
        Assert.Equal("UseDevelopmentStorage=true", Values[SettingNames.Storage]);
        Assert.Equal("dotnet-isolated", Values["FUNCTIONS_WORKER_RUNTIME"]);
    }

    [Fact]
    public void Sample_SetsNothingThatNothingReads()
    {
        var unread = Values.Keys
            .Where(name => !SettingsTheAppReads.ByTheFunctionsApp.Contains(name) && !SettingsTheAppReads.LocalPlatform.ContainsKey(name))
            .ToList();

        Assert.True(unread.Count == 0, $"In local.settings.sample.json but read by nothing: {string.Join(", ", unread)}");
    }

    [Fact]
    public void Sample_LeavesSecretsEmpty()
    {
        Assert.All(SettingsTheAppReads.Secrets, name => Assert.Equal("", Values[name]));
    }

    /// <summary>Local runs and a fresh deployment behave alike unless a developer changes something.</summary>
    [Fact]
    public void Sample_StartsFromTheDeploymentDefaults()
    {
        var settings = SettingsTheAppReads.ByTheFunctionsApp
            .Where(name => name != SettingNames.Storage && !LocalOnlyValues.ContainsKey(name))
            .ToList();

        Assert.All(settings, name =>
        {
            var parameter = CompiledInfra.Main.Parameters[AppSettingsTests.MainParameterOf(name)];
            var deploymentDefault = parameter?["defaultValue"]?.ToJsonString().Trim('"');
            Assert.True(Values[name] == deploymentDefault, $"{name}: the sample has '{Values[name]}', main.bicep defaults to '{deploymentDefault}'.");
        });
    }

    private static Dictionary<string, string> Read()
    {
        var path = RepositoryPaths.InRoot("src", "Aggregator.Functions", "local.settings.sample.json");
        using var sample = JsonDocument.Parse(File.ReadAllText(path));
        Assert.False(sample.RootElement.GetProperty("IsEncrypted").GetBoolean());
        return sample.RootElement
            .GetProperty("Values")
            .EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
    }
}
