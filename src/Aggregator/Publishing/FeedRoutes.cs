namespace Aggregator.Publishing;

/// <summary>The paths the hosts map <see cref="FeedEndpoints"/> to; links between the resources use them.</summary>
public static class FeedRoutes
{
    public const string Feed = "/api/feed";

    public const string Papers = "/api/papers";

    public const string SourcesOpml = "/api/sources.opml";

    public const string Image = "/api/image";

    public const string Stylesheet = "/api/feed.xsl";
}
