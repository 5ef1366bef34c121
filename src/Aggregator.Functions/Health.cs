using Aggregator.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Aggregator.Functions;

/// <summary>GET/HEAD each source's fetch state; the library's handler writes the whole response, as it does under the CLI.</summary>
public sealed class Health(AdminEndpoints admin)
{
    [Function(nameof(Health))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.Health)] HttpRequest req)
    {
        await admin.HealthAsync(req.HttpContext);
        return new EmptyResult();
    }
}
