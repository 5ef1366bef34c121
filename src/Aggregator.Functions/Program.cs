using Aggregator.Functions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// The Functions host for the same app the CLI serves: every trigger hands straight over to the library.
var builder = FunctionsApplication.CreateBuilder(args);

// ASP.NET Core integration: HTTP triggers get the real HttpContext, so the CLI's handlers serve them unchanged. It stays
// here because the worker's analyzer looks for it in the file with the entry point.
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<UnhandledExceptionMiddleware>();

builder.Services.AddAggregatorFunctions(builder.Configuration);

builder.Build().Run();
