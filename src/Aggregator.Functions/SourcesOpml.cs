using Aggregator.Hosting;
using Aggregator.Publishing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Aggregator.Functions;

/// <summary>GET/HEAD the sources as OPML; the library's handler writes the whole response, as it does under the CLI.</summary>
public sealed class SourcesOpml(FeedEndpoints endpoints)
{
    [Function(nameof(SourcesOpml))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.SourcesOpml)] HttpRequest req)
    {
        await endpoints.SourcesOpmlAsync(req.HttpContext);
        return new EmptyResult();
    }
}
