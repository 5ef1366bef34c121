using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aggregator.Hosting;
using Aggregator.Testing.Paths;

namespace Aggregator.Tests.Hosting;

/// <summary>
/// The Functions host is configured in three places that nothing compiles together: the names the code reads
/// (<see cref="SettingNames"/>), the app settings the Bicep templates deploy, and the local.settings sample a developer
/// copies. The Functions project itself is not built in CI, so its triggers are checked here from their source text.
/// </summary>
public sealed partial class SettingsConsistencyTests
{
    /// <summary>Settings the code reads that the Functions host must not be given.</summary>
    private static readonly Dictionary<string, string> CliOnlySettings = new(StringComparer.Ordinal)
    {
        [SettingNames.AdminKey] = "the function key guards POST /api/ingest in Azure; ADMIN_KEY is the CLI's guard",
    };

    /// <summary>Settings that the Functions host or its SDKs read, not our code: allowed in either file.</summary>
    private static readonly Dictionary<string, string> HostSettings = new(StringComparer.Ordinal)
    {
        ["FUNCTIONS_WORKER_RUNTIME"] =
            "Core Tools pick the isolated worker with it; Flex Consumption takes the runtime from functionAppConfig",
        ["FUNCTIONS_EXTENSION_VERSION"] = "the host version on classic plans (Flex Consumption sets it itself)",
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "read by the host and the Application Insights worker SDK",
        ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] =
            "Entra authentication of telemetry, required once the component disables local auth",
        ["DEPLOYMENT_STORAGE_CONNECTION_STRING"] =
            "the Flex deployment container's connection when it is not the identity (ours is)",
    };

    /// <summary>
    /// The identity-based form of AzureWebJobsStorage: host and app read the AzureWebJobsStorage section, so these keys
    /// stand in for the connection string. The app uses tables and blobs, so both endpoints must be there.
    /// </summary>
    private static readonly string[] IdentityStorageSettings =
    [
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",
        "AzureWebJobsStorage__blobServiceUri",
        "AzureWebJobsStorage__tableServiceUri",
    ];

    private const string StorageSectionPrefix = SettingNames.Storage + "__";

    private static readonly string FunctionsProject = RepositoryPaths.InRoot("src", "Aggregator.Functions");

    [Fact]
    public void BicepAppSettings_SetEverySettingTheFunctionsHostReads()
    {
        var deployed = ReadBicepAppSettings();

        var missing = SettingsTheFunctionsHostReads()
            .Where(name => name != SettingNames.Storage && !deployed.Contains(name))
            .Concat(IdentityStorageSettings.Where(name => !deployed.Contains(name)))
            .ToList();

        Assert.True(missing.Count == 0, $"Not set by infra/**/*.bicep: {string.Join(", ", missing)}");
    }

    [Fact]
    public void BicepAppSettings_SetNothingThatNothingReads()
    {
        var unread = ReadBicepAppSettings().Where(name => !IsReadByFunctionsHostOrApp(name)).ToList();

        Assert.True(unread.Count == 0, $"Set by infra/**/*.bicep but read by nothing: {string.Join(", ", unread)}");
    }

    [Fact]
    public void LocalSettingsSample_SetsEverySettingTheFunctionsHostReads()
    {
        var values = ReadLocalSettingsSample();

        var missing = SettingsTheFunctionsHostReads().Where(name => !values.ContainsKey(name)).ToList();

        Assert.True(missing.Count == 0, $"Not in local.settings.sample.json: {string.Join(", ", missing)}");
        Assert.Equal("dotnet-isolated", values["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("UseDevelopmentStorage=true", values[SettingNames.Storage]);
    }

    [Fact]
    public void LocalSettingsSample_SetsNothingThatNothingReads()
    {
        var unread = ReadLocalSettingsSample().Keys.Where(name => !IsReadByFunctionsHostOrApp(name)).ToList();

        Assert.True(unread.Count == 0, $"In local.settings.sample.json but read by nothing: {string.Join(", ", unread)}");
    }

    [Fact]
    public void LocalSettingsSample_LeavesSecretsEmpty()
    {
        var values = ReadLocalSettingsSample();

        Assert.Equal("", values[SettingNames.ImageProxySigningKey]);
        Assert.Equal("", values[SettingNames.LlmApiKey]);
    }

    [Fact]
    public void HostJson_IsVersion2WithTimeoutAndTheRoutePrefixTheCliUses()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.InRoot("host.json")));
        var root = hostJson.RootElement;

        Assert.Equal("2.0", root.GetProperty("version").GetString());
        Assert.True(TimeSpan.TryParse(root.GetProperty("functionTimeout").GetString(), CultureInfo.InvariantCulture, out _));
        Assert.Equal(Routes.Prefix, root.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    [Fact]
    public void LocalSettingsSample_IngestTimeBudgetEndsBeforeTheFunctionTimeout()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.InRoot("host.json")));
        var timeout = TimeSpan.Parse(hostJson.RootElement.GetProperty("functionTimeout").GetString()!, CultureInfo.InvariantCulture);

        var budget = TimeSpan.Parse(ReadLocalSettingsSample()[SettingNames.IngestTimeBudget], CultureInfo.InvariantCulture);

        Assert.InRange(budget, TimeSpan.FromMinutes(1), timeout - TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void FunctionsTimers_TakeTheirScheduleFromTheIngestScheduleSetting()
    {
        var schedules = FunctionsSources()
            .SelectMany(source => TimerTriggerSchedule().Matches(source).Select(m => m.Groups["schedule"].Value))
            .ToList();

        Assert.NotEmpty(schedules);
        Assert.All(schedules, schedule => Assert.Equal($"%{SettingNames.IngestSchedule}%", schedule));
    }

    [Fact]
    public void FunctionsHttpTriggers_ServeExactlyTheRoutesTheCliDeclares()
    {
        var declared = typeof(Routes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.Name != nameof(Routes.Prefix))
            .Select(field => field.Name)
            .ToHashSet(StringComparer.Ordinal);
        var sources = FunctionsSources().ToList();

        var triggers = sources.Sum(source => HttpTrigger().Matches(source).Count);
        var served = sources
            .SelectMany(source => HttpTriggerRoute().Matches(source).Select(m => m.Groups["constant"].Value))
            .ToList();

        Assert.True(triggers > 0, "No [HttpTrigger] found in src/Aggregator.Functions.");
        Assert.True(served.Count == triggers, "Every [HttpTrigger] must take its Route from a Routes constant.");
        Assert.Equal(declared.Order(StringComparer.Ordinal), served.Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void BicepStorageAccount_AllowsIdentityOnly()
    {
        var bicep = string.Join('\n', BicepFiles().Select(File.ReadAllText));

        Assert.Contains("allowSharedKeyAccess: false", bicep, StringComparison.Ordinal);
        Assert.DoesNotContain("allowSharedKeyAccess: true", bicep, StringComparison.Ordinal);
        Assert.Contains("allowBlobPublicAccess: false", bicep, StringComparison.Ordinal);
        Assert.Contains("minimumTlsVersion: 'TLS1_2'", bicep, StringComparison.Ordinal);
        Assert.DoesNotContain("listKeys(", bicep, StringComparison.Ordinal);
    }

    [Fact]
    public void BicepAppSettingsScanner_ReadsObjectKeysAndNameValueEntriesButNotComments()
    {
        const string bicep = """
            // NOT_A_SETTING: 'mentioned in a comment'
            var appSettings = {
              FIRST: 'a' // SECOND: 'in a trailing comment'
              'QUOTED_NAME': 'https://example.org/a//b'
              NESTED: {
                INNER: 'not a setting name'
              }
            }
            resource site 'Microsoft.Web/sites@2024-04-01' = {
              name: 'not-followed-by-value'
              properties: {
                siteConfig: {
                  appSettings: [
                    {
                      name: 'ENTRY'
                      value: 'x'
                    }
                  ]
                }
              }
            }
            """;

        var names = BicepAppSettingsScanner.Scan(bicep);

        string[] expected = ["ENTRY", "FIRST", "NESTED", "QUOTED_NAME"];
        Assert.Equal(expected, names.Order(StringComparer.Ordinal));
    }

    private static IEnumerable<string> SettingsTheFunctionsHostReads() =>
        typeof(SettingNames)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!)
            .Where(name => !CliOnlySettings.ContainsKey(name));

    private static bool IsReadByFunctionsHostOrApp(string name) =>
        SettingsTheFunctionsHostReads().Contains(name)
        || HostSettings.ContainsKey(name)
        || name.StartsWith(StorageSectionPrefix, StringComparison.Ordinal);

    private static HashSet<string> ReadBicepAppSettings()
    {
        var names = BicepFiles()
            .SelectMany(path => BicepAppSettingsScanner.Scan(File.ReadAllText(path)))
            .ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(names);
        return names;
    }

    private static IEnumerable<string> BicepFiles()
    {
        var files = Directory.GetFiles(RepositoryPaths.InRoot("infra"), "*.bicep", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        return files;
    }

    private static Dictionary<string, string> ReadLocalSettingsSample()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(FunctionsProject, "local.settings.sample.json")));
        return sample.RootElement
            .GetProperty("Values")
            .EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
    }

    private static IEnumerable<string> FunctionsSources() =>
        Directory.GetFiles(FunctionsProject, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText);

    [GeneratedRegex(@"\[TimerTrigger\(\s*""(?<schedule>[^""]*)""")]
    private static partial Regex TimerTriggerSchedule();

    [GeneratedRegex(@"\[HttpTrigger\(")]
    private static partial Regex HttpTrigger();

    [GeneratedRegex(@"\[HttpTrigger\([^\]]*\bRoute\s*=\s*Routes\.(?<constant>\w+)\s*\)\]")]
    private static partial Regex HttpTriggerRoute();
}
