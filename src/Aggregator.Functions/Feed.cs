using Aggregator.Hosting;
using Aggregator.Publishing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Aggregator.Functions;

/// <summary>GET/HEAD the RSS feed; the library's handler writes the whole response, as it does under the CLI.</summary>
public sealed class Feed(FeedEndpoints endpoints)
{
    [Function(nameof(Feed))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.Feed)] HttpRequest req)
    {
        await endpoints.FeedAsync(req.HttpContext);
        return new EmptyResult();
    }
}
