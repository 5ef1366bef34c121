using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aggregator.Hosting;
using Aggregator.Infra.Tests.Arm;
using Aggregator.Infra.Tests.Bicep;
using Aggregator.Testing.Paths;

namespace Aggregator.Infra.Tests.Settings;

/// <summary>The compiled app settings against what the code reads (SettingNames) and what the host and SDKs read.</summary>
public sealed partial class AppSettingsTests
{
    private static IReadOnlyDictionary<string, string> Deployed => CompiledAppSettings.Values;

    [Fact]
    public void AppSettings_SetEverySettingTheFunctionsAppReads()
    {
        var missing = SettingsTheAppReads.ByTheFunctionsApp
            .Where(name => name != SettingNames.Storage && !Deployed.ContainsKey(name))
            .Concat(SettingsTheAppReads.AzurePlatform.Keys.Where(name => !Deployed.ContainsKey(name)))
            .ToList();

        Assert.True(missing.Count == 0, $"Not set by the compiled template: {string.Join(", ", missing)}");
    }

    [Fact]
    public void AppSettings_SetNothingThatNothingReads()
    {
        var unread = Deployed.Keys
            .Where(name => !SettingsTheAppReads.ByTheFunctionsApp.Contains(name) && !SettingsTheAppReads.AzurePlatform.ContainsKey(name))
            .ToList();

        Assert.True(unread.Count == 0, $"Set by the compiled template but read by nothing: {string.Join(", ", unread)}");
    }

    [Fact]
    public void AppSettings_SetNoCliOnlyAndNoClassicPlanSetting()
    {
        Assert.All(SettingsTheAppReads.CliOnly.Keys, name => Assert.False(Deployed.ContainsKey(name), name));
        Assert.All(SettingsTheAppReads.NotOnFlexConsumption, name => Assert.False(Deployed.ContainsKey(name), name));
    }

    [Fact]
    public void Storage_IsReachedWithTheAppIdentity_NeverAConnectionString()
    {
        Assert.False(Deployed.ContainsKey(SettingNames.Storage), "AzureWebJobsStorage as a connection string needs a key.");
        Assert.Equal("managedidentity", Deployed["AzureWebJobsStorage__credential"]);
        Assert.Equal(new ModuleOutputReference("appIdentity", "clientId"), ModuleOutputReference.Parse(Deployed["AzureWebJobsStorage__clientId"]));
        Assert.Equal(new ModuleOutputReference("storage", "primaryBlobEndpoint"), ModuleOutputReference.Parse(Deployed["AzureWebJobsStorage__blobServiceUri"]));
        Assert.Equal(new ModuleOutputReference("storage", "primaryTableEndpoint"), ModuleOutputReference.Parse(Deployed["AzureWebJobsStorage__tableServiceUri"]));
        Assert.Equal(new ModuleOutputReference("storage", "primaryQueueEndpoint"), ModuleOutputReference.Parse(Deployed["AzureWebJobsStorage__queueServiceUri"]));
    }

    [Theory]
    [InlineData("primaryBlobEndpoint", "blob")]
    [InlineData("primaryTableEndpoint", "table")]
    [InlineData("primaryQueueEndpoint", "queue")]
    public void StorageEndpoints_AreTheAccountsOwn(string output, string service)
    {
        var storage = CompiledInfra.Main.Module("storage");
        var value = storage.Outputs[output]?["value"]?.GetValue<string>() ?? "";

        var match = EndpointReference().Match(value);

        Assert.True(match.Success, $"{output} is {value}");
        Assert.Equal(service, match.Groups["service"].Value);
        Assert.Equal("Microsoft.Storage/storageAccounts", storage.TypeOfReferenced(match.Groups["target"].Value));
    }

    [Fact]
    public void Telemetry_GoesToApplicationInsightsWithTheAppIdentity()
    {
        Assert.Equal(new ModuleOutputReference("monitoring", "connectionString"), ModuleOutputReference.Parse(Deployed["APPLICATIONINSIGHTS_CONNECTION_STRING"]));

        var authentication = Deployed["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"];
        Assert.StartsWith("[format('ClientId={0};Authorization=AAD', ", authentication, StringComparison.Ordinal);
        Assert.Equal([new ModuleOutputReference("appIdentity", "clientId")], ModuleOutputReference.FindAll(authentication));
    }

    [Fact]
    public void Secrets_ComeFromSecureParametersThatDefaultToEmpty()
    {
        Assert.All(SettingsTheAppReads.Secrets, name =>
        {
            var parameter = MainParameterOf(name);
            Assert.Equal($"[parameters('{parameter}')]", Deployed[name]);
            Assert.Equal("securestring", CompiledInfra.Main.Parameters[parameter]?["type"]?.GetValue<string>());
            Assert.Equal("", CompiledInfra.Main.Parameters[parameter]?["defaultValue"]?.GetValue<string>());
        });
    }

    [Fact]
    public void NoOtherSetting_ComesFromASecureParameter()
    {
        var fromSecure = Deployed
            .Where(pair => !SettingsTheAppReads.Secrets.Contains(pair.Key))
            .Where(pair => MainParametersIn(pair.Value).Any(p => CompiledInfra.Main.Parameters[p]?["type"]?.GetValue<string>() == "securestring"))
            .Select(pair => pair.Key)
            .ToList();

        Assert.Empty(fromSecure);
    }

    /// <summary>A secure object stays out of the deployment history; a plain object would record the secrets in it.</summary>
    [Fact]
    public void Settings_PassThroughEveryModuleAsASecureObject()
    {
        var modules = CompiledAppSettings.Chain().Where(d => d.Parent is not null).ToList();

        Assert.Equal(["functionApp", "api"], modules.Select(m => m.Name));
        Assert.All(modules, module => Assert.Equal("secureObject", module.Parameters["appSettings"]?["type"]?.GetValue<string>()));
    }

    /// <summary>
    /// A default of newGuid() would sign with a new key on every deployment and break the image links in readers'
    /// caches; with no key given, the app generates one once and keeps it in its storage.
    /// </summary>
    [Fact]
    public void ImageProxySigningKey_IsNeverGeneratedByTheDeployment()
    {
        Assert.DoesNotContain("newGuid(", CompiledInfra.Build.StandardOutput, StringComparison.OrdinalIgnoreCase);
        Assert.False(CompiledInfra.Main.Parameters.ContainsKey("generatedImageProxySigningKey"));
        Assert.Equal("[parameters('imageProxySigningKey')]", Deployed[SettingNames.ImageProxySigningKey]);
    }

    [Fact]
    public void EveryAppSetting_TakesItsValueFromOneMainParameter()
    {
        Assert.All(SettingsTheAppReads.ByTheFunctionsApp.Where(name => name != SettingNames.Storage), name =>
        {
            var parameter = MainParameterOf(name);
            var type = CompiledInfra.Main.Parameters[parameter]?["type"]?.GetValue<string>();
            var expected = type switch
            {
                "bool" => $"[if(parameters('{parameter}'), 'true', 'false')]",
                "int" => $"[string(parameters('{parameter}'))]",
                _ => $"[parameters('{parameter}')]",
            };
            Assert.Equal(expected, Deployed[name]);
        });
    }

    [Fact]
    public void IngestTimeBudget_ByDefaultEndsBeforeTheHostStopsTheFunction()
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        using var hostJson = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.InRoot("host.json")), options);
        var timeout = TimeSpan.Parse(hostJson.RootElement.GetProperty("functionTimeout").GetString()!, CultureInfo.InvariantCulture);

        var parameter = MainParameterOf(SettingNames.IngestTimeBudget);
        var budget = TimeSpan.Parse(CompiledInfra.Main.Parameters[parameter]!["defaultValue"]!.GetValue<string>(), CultureInfo.InvariantCulture);

        Assert.InRange(budget, TimeSpan.FromMinutes(1), timeout - TimeSpan.FromMinutes(1));
    }

    /// <summary>The main.bicep parameter a setting's value is made of; exactly one.</summary>
    internal static string MainParameterOf(string setting)
    {
        Assert.True(Deployed.ContainsKey(setting), $"{setting} is not set.");
        return Assert.Single(MainParametersIn(Deployed[setting]));
    }

    private static IReadOnlyList<string> MainParametersIn(string expression) =>
        ParameterReference().Matches(expression).Select(m => m.Groups["name"].Value).Distinct().ToList();

    [GeneratedRegex(@"^\[reference\((?<target>.+?)(, '[\d-]+')?\)\.primaryEndpoints\.(?<service>\w+)\]$")]
    private static partial Regex EndpointReference();

    [GeneratedRegex(@"\bparameters\('(?<name>\w+)'\)")]
    private static partial Regex ParameterReference();
}
