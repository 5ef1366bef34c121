using Aggregator.Functions;
using Aggregator.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The Functions host for the same app the CLI serves: every trigger hands straight over to the library.
var builder = FunctionsApplication.CreateBuilder(args);

// ASP.NET Core integration: HTTP triggers get the real HttpContext, so the CLI's handlers serve them unchanged.
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<UnhandledExceptionMiddleware>();

builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();

// The Application Insights provider ships a Warning-only default rule; without removing it the ingest summaries
// (Information) never reach the workspace. Levels then come from the usual Logging configuration.
builder.Logging.Services.Configure<LoggerFilterOptions>(options =>
{
    var applicationInsightsDefault = options.Rules.FirstOrDefault(rule =>
        rule.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider");
    if (applicationInsightsDefault is not null)
    {
        options.Rules.Remove(applicationInsightsDefault);
    }
});

builder.Services.AddAggregator(builder.Configuration);

builder.Build().Run();
