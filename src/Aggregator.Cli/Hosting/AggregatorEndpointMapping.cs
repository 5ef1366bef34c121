using Aggregator.Hosting;
using Aggregator.Publishing;

namespace Aggregator.Cli.Hosting;

/// <summary>The same routes the Functions app has, answered by the same handlers.</summary>
internal static class AggregatorEndpointMapping
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapAggregator(this IEndpointRouteBuilder app)
    {
        app.MapMethods(Path(Routes.Feed), GetAndHead, (HttpContext c, FeedEndpoints e) => e.FeedAsync(c));
        app.MapMethods(Path(Routes.Papers), GetAndHead, (HttpContext c, FeedEndpoints e) => e.PapersAsync(c));
        app.MapMethods(Path(Routes.SourcesOpml), GetAndHead, (HttpContext c, FeedEndpoints e) => e.SourcesOpmlAsync(c));
        app.MapMethods(Path(Routes.Image), GetAndHead, (HttpContext c, FeedEndpoints e) => e.ImageAsync(c));
        app.MapMethods(Path(Routes.FeedStylesheet), GetAndHead, (HttpContext c, FeedEndpoints e) => e.StylesheetAsync(c));
        app.MapMethods(Path(Routes.Health), GetAndHead, (HttpContext c, AdminEndpoints e) => e.HealthAsync(c));
        app.MapPost(Path(Routes.Ingest), (HttpContext c, AdminEndpoints e) => e.IngestAsync(c));
        app.MapGet("/", () => Results.Redirect(Path(Routes.Feed)));
        return app;
    }

    private static string Path(string route) => $"/{Routes.Prefix}/{route}";
}
