using Aggregator.Hosting;
using Aggregator.Publishing;

namespace Aggregator.Cli.Hosting;

/// <summary>The routes of <see cref="Routes.All"/>, the same table the Functions app's triggers are checked against, answered by the same handlers.</summary>
internal static class AggregatorEndpointMapping
{
    public static IEndpointRouteBuilder MapAggregator(this IEndpointRouteBuilder app)
    {
        foreach (var route in Routes.All)
        {
            var (handler, answersOtherMethods) = HandlerFor(route);

            // A handler that answers other methods with 405 and an Allow header is mapped for any method, so a client
            // learns what to use; the others get only their methods and routing's own 405.
            if (answersOtherMethods)
            {
                app.Map(route.Path, handler);
            }
            else
            {
                app.MapMethods(route.Path, route.Methods, handler);
            }
        }

        app.MapGet("/", () => Results.Redirect($"/{Routes.Prefix}/{Routes.Feed}"));
        return app;
    }

    /// <summary>A route added to the table without a handler here fails at startup, not with a 404 in production.</summary>
    private static (RequestDelegate Handler, bool AnswersOtherMethods) HandlerFor(AppRoute route) => route.Template switch
    {
        Routes.Feed => (c => Feed(c).FeedAsync(c), true),
        Routes.Papers => (c => Feed(c).PapersAsync(c), true),
        Routes.SourcesOpml => (c => Feed(c).SourcesOpmlAsync(c), true),
        Routes.Image => (c => Feed(c).ImageAsync(c), true),
        Routes.FeedStylesheet => (c => Feed(c).StylesheetAsync(c), true),
        Routes.Health => (c => Admin(c).HealthAsync(c), false),
        Routes.Ingest => (c => Admin(c).IngestAsync(c), true),
        _ => throw new InvalidOperationException($"The CLI has no handler for route '{route.Template}' of Routes.All."),
    };

    private static FeedEndpoints Feed(HttpContext context) => context.RequestServices.GetRequiredService<FeedEndpoints>();

    private static AdminEndpoints Admin(HttpContext context) => context.RequestServices.GetRequiredService<AdminEndpoints>();
}
