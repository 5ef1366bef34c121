using Microsoft.AspNetCore.Http;

namespace Aggregator.Hosting;

/// <summary>
/// The HTTP routes both hosts serve, relative to <see cref="Prefix"/>: the CLI's <c>serve</c> maps them under
/// <c>/api/</c> and the Functions app declares them in its triggers, so a subscribed feed URL stays the same path
/// whichever host answers it. Constants, because Functions take the route in an attribute; <see cref="All"/> is the
/// table the CLI maps and the Functions tests check the generated function metadata against.
/// </summary>
public static class Routes
{
    /// <summary>Path prefix of every route; host.json's <c>extensions.http.routePrefix</c> must equal it (a test checks).</summary>
    public const string Prefix = "api";

    /// <summary>The RSS feed of summarised papers.</summary>
    public const string Feed = "feed";

    /// <summary>The papers listing.</summary>
    public const string Papers = "papers";

    /// <summary>The configured sources as OPML.</summary>
    public const string SourcesOpml = "sources.opml";

    /// <summary>The signed image proxy.</summary>
    public const string Image = "image";

    /// <summary>The XSL stylesheet that makes the feed readable in a browser.</summary>
    public const string FeedStylesheet = "feed.xsl";

    /// <summary>Each source's last fetch state, as JSON.</summary>
    public const string Health = "health";

    /// <summary>POST: run an ingest now (admin).</summary>
    public const string Ingest = "ingest";

    private static readonly string[] ReadMethods = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>Every route, with the methods its handler answers and whether only an operator may call it.</summary>
    public static IReadOnlyList<AppRoute> All { get; } =
    [
        new(Feed, ReadMethods),
        new(Papers, ReadMethods),
        new(SourcesOpml, ReadMethods),
        new(Image, ReadMethods),
        new(FeedStylesheet, ReadMethods),
        new(Health, ReadMethods),
        new(Ingest, [HttpMethods.Post], AdminOnly: true),
    ];
}

/// <summary>
/// One route of <see cref="Routes.All"/>. <paramref name="AdminOnly"/> routes are guarded by ADMIN_KEY under the CLI
/// and by a function key (authorization level Function) under Functions; the others are public.
/// </summary>
public sealed record AppRoute(string Template, IReadOnlyList<string> Methods, bool AdminOnly = false)
{
    /// <summary>The path as a client requests it, e.g. <c>/api/feed</c>.</summary>
    public string Path => $"/{Routes.Prefix}/{Template}";
}
