using Aggregator.Hosting;
using Aggregator.Publishing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Aggregator.Functions;

/// <summary>GET/HEAD the signed image proxy; the library's handler writes the whole response, as it does under the CLI.</summary>
public sealed class Image(FeedEndpoints endpoints)
{
    [Function(nameof(Image))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.Image)] HttpRequest req)
    {
        await endpoints.ImageAsync(req.HttpContext);
        return new EmptyResult();
    }
}
