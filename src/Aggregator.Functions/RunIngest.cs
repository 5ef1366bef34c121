using Aggregator.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Aggregator.Functions;

/// <summary>
/// POST: run an ingest now and answer its JSON report. The function key guards it (AuthorizationLevel.Function), so
/// the handler's own ADMIN_KEY check, which the CLI needs, is skipped.
/// </summary>
public sealed class RunIngest(AdminEndpoints admin)
{
    [Function(nameof(RunIngest))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.Ingest)] HttpRequest req)
    {
        await admin.IngestAsync(req.HttpContext, callerAuthenticated: true);
        return new EmptyResult();
    }
}
