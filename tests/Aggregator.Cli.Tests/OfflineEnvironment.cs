using System.Runtime.CompilerServices;
using Aggregator.Hosting;

namespace Aggregator.Cli.Tests;

/// <summary>
/// The CLI reads its settings from the environment, as in production; these tests must never reach arXiv or
/// OpenReview, so the whole test process runs with enrichment off.
/// </summary>
internal static class OfflineEnvironment
{
    [ModuleInitializer]
    internal static void TurnOffEnrichment() => Environment.SetEnvironmentVariable(SettingNames.EnrichmentEnabled, "false");
}
