using Aggregator.Functions.Tests.Harness;
using Microsoft.ApplicationInsights;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aggregator.Functions.Tests;

/// <summary>
/// <see cref="FunctionsComposition.AddAggregatorFunctions"/>, as Program.cs calls it, with no Application Insights
/// connection string (as locally and in CI). The provider is built with ValidateOnBuild, so a registration whose
/// dependency is missing fails here.
/// </summary>
[Collection(FunctionsEnvironment.Collection)]
public sealed class FunctionsCompositionTests(FunctionsEnvironment environment)
{
    public static TheoryData<string> FunctionClassNames => [.. FunctionClasses.Types.Select(t => t.Name)];

    [Fact]
    public void FunctionClasses_AreFoundByTheirFunctionAttribute()
    {
        // A reflection mistake would make the theory below check nothing.
        Assert.Contains(typeof(Feed), FunctionClasses.Types);
        Assert.Contains(typeof(Ingest), FunctionClasses.Types);
        Assert.Equal(FunctionClasses.Methods.Count, FunctionClasses.Types.Count);
    }

    [Theory]
    [MemberData(nameof(FunctionClassNames))]
    public async Task EveryFunctionClass_IsConstructedFromTheComposition(string className)
    {
        await using var app = environment.NewApp([]);
        var type = FunctionClasses.Types.Single(t => t.Name == className);

        var function = app.Function(type);

        Assert.IsType(type, function);
    }

    [Fact]
    public async Task Middleware_IsConstructedFromTheComposition()
    {
        await using var app = environment.NewApp([]);

        Assert.NotNull(app.Function<UnhandledExceptionMiddleware>());
    }

    [Fact]
    public async Task ApplicationInsights_WithoutAConnectionString_StartsAndPassesTheWorkersValidation()
    {
        await using var app = environment.NewApp([]);

        // ConfigureFunctionsApplicationInsights validates, in a hosted service, that the SDK is really there.
        var hostedServices = app.Services.GetServices<IHostedService>().ToList();
        foreach (var service in hostedServices)
        {
            await service.StartAsync(CancellationToken.None);
        }

        var telemetry = app.Services.GetRequiredService<TelemetryClient>();
        telemetry.TrackTrace("composition test");
        await telemetry.FlushAsync(CancellationToken.None);
        foreach (var service in hostedServices)
        {
            await service.StopAsync(CancellationToken.None);
        }

        // The worker's check ran: its service is constructed only when the SDK's options validate.
        Assert.Contains(hostedServices, s => s.GetType().Name == "ApplicationInsightsValidationService");
    }

    [Fact]
    public async Task ApplicationInsightsLogger_ReceivesInformationLikeTheIngestSummary()
    {
        await using var app = environment.NewApp([]);

        var filters = app.Services.GetRequiredService<IOptions<LoggerFilterOptions>>().Value;
        var providers = app.Services.GetServices<ILoggerProvider>().Select(p => p.GetType().FullName).ToList();

        Assert.Contains("Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider", providers);
        // The provider's own Warning-only default rule is gone; the general minimum (Information) applies.
        Assert.DoesNotContain(filters.Rules, r => r.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider");
        Assert.True(app.Services.GetRequiredService<ILogger<Ingest>>().IsEnabled(LogLevel.Information));
    }
}
