using Aggregator.Ingestion.Queue;
using Aggregator.Functions.Tests.Harness;
using Aggregator.Hosting;

namespace Aggregator.Functions.Tests.BuildOutput;

/// <summary>
/// functions.metadata, as the worker SDK generated it, against what the app means to serve: the CLI's route table
/// (<see cref="Routes.All"/>), the [Function] methods, the ingest schedule setting and the README's authorization
/// levels. Every check runs over all functions, so a function added later (issue 12's queue trigger) is checked too.
/// </summary>
public sealed class FunctionsMetadataTests
{
    public static TheoryData<string> RouteTemplates => [.. Routes.All.Select(r => r.Template)];

    [Fact]
    public void Metadata_ListsEveryFunctionMethodOfTheApp()
    {
        var generated = FunctionsBuildOutput.Functions()
            .Select(f => (f.Name, f.EntryPoint, f.ScriptFile, f.Language))
            .Order();
        var declared = FunctionClasses.Methods
            .Select(m => (FunctionClasses.NameOf(m), $"{m.DeclaringType!.FullName}.{m.Name}", "Aggregator.Functions.dll", "dotnet-isolated"))
            .Order();

        Assert.Equal(declared, generated);
    }

    [Theory]
    [MemberData(nameof(RouteTemplates))]
    public void EveryRouteTheCliServes_IsAnHttpFunctionAnsweringTheSameMethods(string template)
    {
        var route = Routes.All.Single(r => r.Template == template);

        var function = Assert.Single(HttpFunctions(), f => f.Trigger.Route == template);

        Assert.Equal(
            route.Methods.Select(m => m.ToUpperInvariant()).Order(StringComparer.Ordinal),
            function.Trigger.Methods!.Select(m => m.ToUpperInvariant()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryHttpFunction_ServesARouteTheCliServes()
    {
        var cliRoutes = Routes.All.Select(r => r.Template).ToHashSet(StringComparer.Ordinal);

        var unknown = HttpFunctions().Where(f => !cliRoutes.Contains(f.Trigger.Route!)).Select(f => $"{f.Name} ({f.Trigger.Route})");

        Assert.Empty(unknown);
    }

    [Fact]
    public void AdminRoute_IsOnlyPostIngest()
    {
        var admin = Assert.Single(Routes.All, r => r.AdminOnly);

        Assert.Equal(Routes.Ingest, admin.Template);
        Assert.Equal(["POST"], admin.Methods);
    }

    [Theory]
    [MemberData(nameof(RouteTemplates))]
    public void HttpFunctions_AreAnonymousExceptTheAdminRouteWhichNeedsAFunctionKey(string template)
    {
        var route = Routes.All.Single(r => r.Template == template);

        var function = Assert.Single(HttpFunctions(), f => f.Trigger.Route == template);

        Assert.Equal(route.AdminOnly ? "Function" : "Anonymous", function.Trigger.AuthLevel);
    }

    [Fact]
    public void TimerFunctions_TakeTheirScheduleFromTheIngestScheduleSetting()
    {
        var timers = FunctionsBuildOutput.Functions().Where(f => f.Trigger.Type == "timerTrigger").ToList();

        Assert.NotEmpty(timers);
        Assert.All(timers, timer => Assert.Equal($"%{SettingNames.IngestSchedule}%", timer.Trigger.Schedule));
    }

    [Fact]
    public void Ingest_RetriesASystemicFailureTwiceFiveMinutesApart()
    {
        var ingest = Assert.Single(FunctionsBuildOutput.Functions(), f => f.Name == nameof(Ingest));

        Assert.Equal(new FunctionRetry("fixedDelay", 2, "00:05:00"), ingest.Retry);
    }

    private static List<FunctionMetadata> HttpFunctions() =>
        [.. FunctionsBuildOutput.Functions().Where(f => f.Trigger.Type == "httpTrigger")];

    [Theory]
    [InlineData(nameof(IngestSource), IngestQueueNames.Sources)]
    [InlineData(nameof(IngestPoisoned), IngestQueueNames.Poison)]
    public void QueueFunctions_ListenOnTheirQueueThroughTheStorageSetting(string function, string queue)
    {
        var trigger = FunctionsBuildOutput.Functions().Single(f => f.Name == function).Trigger;

        Assert.Equal("queueTrigger", trigger.Type);
        Assert.Equal(queue, trigger.QueueName);
        Assert.Equal(SettingNames.Storage, trigger.Connection);
    }
}
