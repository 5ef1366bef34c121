using Aggregator.Hosting;
using Aggregator.Publishing;

namespace Aggregator.Cli.Hosting;

/// <summary>The same routes the Functions app has, answered by the same handlers.</summary>
internal static class AggregatorEndpointMapping
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapAggregator(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/api/feed", GetAndHead, (HttpContext c, FeedEndpoints e) => e.FeedAsync(c));
        app.MapMethods("/api/papers", GetAndHead, (HttpContext c, FeedEndpoints e) => e.PapersAsync(c));
        app.MapMethods("/api/sources.opml", GetAndHead, (HttpContext c, FeedEndpoints e) => e.SourcesOpmlAsync(c));
        app.MapMethods("/api/image", GetAndHead, (HttpContext c, FeedEndpoints e) => e.ImageAsync(c));
        app.MapMethods("/api/feed.xsl", GetAndHead, (HttpContext c, FeedEndpoints e) => e.StylesheetAsync(c));
        app.MapMethods("/api/health", GetAndHead, (HttpContext c, AdminEndpoints e) => e.HealthAsync(c));
        app.MapPost("/api/ingest", (HttpContext c, AdminEndpoints e) => e.IngestAsync(c));
        app.MapGet("/", () => Results.Redirect("/api/feed"));
        return app;
    }
}
