namespace Aggregator.Hosting;

/// <summary>
/// The HTTP routes both hosts serve, relative to <see cref="Prefix"/>: the CLI's <c>serve</c> maps them under
/// <c>/api/</c> and the Functions app declares them in its triggers, so a subscribed feed URL stays the same path
/// whichever host answers it. Constants, because Functions take the route in an attribute.
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
}
