using Aggregator.Hosting;
using Aggregator.Publishing;

namespace Aggregator.Cli.Hosting;

/// <summary>The same routes the Functions app has, answered by the same handlers.</summary>
internal static class AggregatorEndpointMapping
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapAggregator(this IEndpointRouteBuilder app)
    {
        // Any method: the handlers answer GET and HEAD, and everything else with 405 and an Allow header.
        app.Map(Path(Routes.Feed), (HttpContext c, FeedEndpoints e) => e.FeedAsync(c));
        app.Map(Path(Routes.Papers), (HttpContext c, FeedEndpoints e) => e.PapersAsync(c));
        app.Map(Path(Routes.SourcesOpml), (HttpContext c, FeedEndpoints e) => e.SourcesOpmlAsync(c));
        app.Map(Path(Routes.Image), (HttpContext c, FeedEndpoints e) => e.ImageAsync(c));
        app.Map(Path(Routes.FeedStylesheet), (HttpContext c, FeedEndpoints e) => e.StylesheetAsync(c));
        app.MapMethods(Path(Routes.Health), GetAndHead, (HttpContext c, AdminEndpoints e) => e.HealthAsync(c));
        app.Map(Path(Routes.Ingest), (HttpContext c, AdminEndpoints e) => e.IngestAsync(c));
        app.MapGet("/", () => Results.Redirect(Path(Routes.Feed)));
        return app;
    }

    private static string Path(string route) => $"/{Routes.Prefix}/{route}";
}
