using Aggregator.Hosting;
using Aggregator.Publishing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Aggregator.Functions;

/// <summary>GET/HEAD the papers listing; the library's handler writes the whole response, as it does under the CLI.</summary>
public sealed class Papers(FeedEndpoints endpoints)
{
    [Function(nameof(Papers))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.Papers)] HttpRequest req)
    {
        await endpoints.PapersAsync(req.HttpContext);
        return new EmptyResult();
    }
}
