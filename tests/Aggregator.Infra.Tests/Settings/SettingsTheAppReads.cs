using System.Reflection;
using Aggregator.Hosting;

namespace Aggregator.Infra.Tests.Settings;

/// <summary>
/// Which settings something reads: the app's own names (<see cref="SettingNames"/>, by reflection, so a new constant is
/// checked without editing this file), and, by an explicit list with the reason for each, those that only the
/// Functions host, the Azure platform or an SDK reads.
/// </summary>
internal static class SettingsTheAppReads
{
    /// <summary>Read by the CLI host only: the Functions app must not be given them.</summary>
    public static readonly IReadOnlyDictionary<string, string> CliOnly = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SettingNames.AdminKey] = "the function key guards POST /api/ingest in Azure; ADMIN_KEY is the CLI's guard",
    };

    /// <summary>Secrets: set from @secure() parameters in Azure, empty in the sample a developer copies.</summary>
    public static readonly IReadOnlySet<string> Secrets = new HashSet<string>(StringComparer.Ordinal)
    {
        SettingNames.ImageProxySigningKey,
        SettingNames.LlmApiKey,
    };

    /// <summary>
    /// Read in Azure by the host, the app's storage clients or the telemetry SDK, not named in SettingNames. The app's
    /// <see cref="SettingNames.Storage"/> is a section: in Azure it is these identity keys, never a connection string.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> AzurePlatform = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AzureWebJobsStorage__credential"] = "'managedidentity': host and app clients authenticate with the identity",
        ["AzureWebJobsStorage__clientId"] = "which identity: the app has a user-assigned one, not a system one",
        ["AzureWebJobsStorage__blobServiceUri"] = "host state, the image cache",
        ["AzureWebJobsStorage__tableServiceUri"] = "the store's tables",
        ["AzureWebJobsStorage__queueServiceUri"] = "the ingest fan-out queues and their triggers",
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "where the host and the worker SDK send telemetry",
        ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "Entra authentication of telemetry: the component disables local auth",
    };

    /// <summary>Read locally by Core Tools (func start), not in Azure.</summary>
    public static readonly IReadOnlyDictionary<string, string> LocalPlatform = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["FUNCTIONS_WORKER_RUNTIME"] = "Core Tools pick the isolated worker with it",
    };

    /// <summary>Flex Consumption takes the runtime and host version from functionAppConfig, not from these settings.</summary>
    public static readonly IReadOnlySet<string> NotOnFlexConsumption = new HashSet<string>(StringComparer.Ordinal)
    {
        "FUNCTIONS_WORKER_RUNTIME",
        "FUNCTIONS_EXTENSION_VERSION",
        "WEBSITE_RUN_FROM_PACKAGE",
        "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING",
        "WEBSITE_CONTENTSHARE",
    };

    /// <summary>Every constant of <see cref="SettingNames"/>.</summary>
    public static IReadOnlyList<string> All { get; } =
        typeof(SettingNames)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToList();

    /// <summary>What the Functions app reads of <see cref="All"/>.</summary>
    public static IReadOnlyList<string> ByTheFunctionsApp { get; } = All.Where(name => !CliOnly.ContainsKey(name)).ToList();
}
