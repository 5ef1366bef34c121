using Aggregator.Hosting;
using Aggregator.Publishing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Aggregator.Functions;

/// <summary>GET/HEAD the feed's XSL stylesheet; the library's handler writes the whole response, as it does under the CLI.</summary>
public sealed class FeedStylesheet(FeedEndpoints endpoints)
{
    [Function(nameof(FeedStylesheet))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.FeedStylesheet)] HttpRequest req)
    {
        await endpoints.StylesheetAsync(req.HttpContext);
        return new EmptyResult();
    }
}
