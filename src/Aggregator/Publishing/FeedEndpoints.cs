using Aggregator.Sources;
using System.Buffers;
using System.Globalization;
using Aggregator.Publishing.Images;
using Aggregator.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Aggregator.Publishing;

/// <summary>
/// The public HTTP surface: feeds, the OPML source list, the image proxy and the feed stylesheet. Each handler writes the
/// whole response (status, headers, body) and answers GET and HEAD, so the CLI's minimal APIs and the Functions HTTP
/// triggers both just call it with their HttpContext.
/// </summary>
public sealed class FeedEndpoints
{
    private readonly IPostStore posts;
    private readonly IPaperStore papers;
    private readonly IDataVersion dataVersion;
    private readonly ISourceCatalogProvider catalog;
    private readonly PostFeedBuilder postFeed;
    private readonly PaperFeedBuilder paperFeed;
    private readonly RenderedResourceCache cache;
    private readonly ImageProxy imageProxy;
    private readonly PublishingOptions options;
    private readonly string cacheControl;
    private IReadOnlyList<SourceDefinition> lastGoodSources = [];

    internal FeedEndpoints(
        IPostStore posts,
        IPaperStore papers,
        IDataVersion dataVersion,
        ISourceCatalogProvider catalog,
        PostFeedBuilder postFeed,
        PaperFeedBuilder paperFeed,
        RenderedResourceCache cache,
        ImageProxy imageProxy,
        IOptions<PublishingOptions> options)
    {
        this.posts = posts;
        this.papers = papers;
        this.dataVersion = dataVersion;
        this.catalog = catalog;
        this.postFeed = postFeed;
        this.paperFeed = paperFeed;
        this.cache = cache;
        this.imageProxy = imageProxy;
        this.options = options.Value;
        cacheControl = "public, max-age=" + Math.Max(0, this.options.CacheMaxAgeSeconds).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>GET /api/feed: one item per distinct post, newest first.</summary>
    public Task FeedAsync(HttpContext context) =>
        ServeFeedAsync(context, papers: false);

    /// <summary>GET /api/papers: one item per distinct paper, newest first-seen first.</summary>
    public Task PapersAsync(HttpContext context) =>
        ServeFeedAsync(context, papers: true);

    /// <summary>GET /api/sources.opml: the configured sources as an OPML 2.0 subscription list.</summary>
    public async Task SourcesOpmlAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsReadMethod(context))
        {
            await MethodNotAllowedAsync(context);
            return;
        }

        var sources = await SourcesAsync(context.RequestAborted);

        var baseUrl = BaseUrl(context.Request);
        var key = "opml|" + baseUrl + "|" + string.Join(",", sources.Select(s => s.Id));
        if (!cache.TryGet(key, out var resource))
        {
            var buffer = new ArrayBufferWriter<byte>(4096);
            OpmlWriter.Write(sources, options.FeedTitle, baseUrl, DateTimeOffset.UtcNow, buffer);
            resource = new RenderedResource(buffer.WrittenSpan.ToArray(), "text/x-opml; charset=utf-8", null);
            cache.Set(key, resource);
        }

        await ResourceResponder.SendAsync(context, resource!, cacheControl);
    }

    /// <summary>The configured sources; a sources file that has just been broken must not take the feeds down with it.</summary>
    private async Task<IReadOnlyList<SourceDefinition>> SourcesAsync(CancellationToken cancellationToken)
    {
        try
        {
            lastGoodSources = (await catalog.GetAsync(cancellationToken)).Sources;
        }
        catch (SourceCatalogException)
        {
            // Keep serving with the last list that loaded (or none): stored posts are still worth reading.
        }

        return lastGoodSources;
    }

    /// <summary>GET /api/image?url=…&amp;sig=…: the signed image proxy for hot-link-protected hosts.</summary>
    public Task ImageAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return IsReadMethod(context) ? imageProxy.HandleAsync(context) : MethodNotAllowedAsync(context);
    }

    /// <summary>GET /api/feed.xsl: the stylesheet that makes the XML feeds readable in a browser.</summary>
    public Task StylesheetAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsReadMethod(context))
        {
            return MethodNotAllowedAsync(context);
        }

        const string key = "xsl";
        if (!cache.TryGet(key, out var resource))
        {
            resource = new RenderedResource(FeedStylesheet.Bytes, FeedStylesheet.ContentType, null);
            cache.Set(key, resource);
        }

        return ResourceResponder.SendAsync(context, resource!, cacheControl);
    }

    private async Task ServeFeedAsync(HttpContext context, bool papers)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsReadMethod(context))
        {
            await MethodNotAllowedAsync(context);
            return;
        }

        var request = context.Request;
        var sources = await SourcesAsync(context.RequestAborted);
        var feedRequest = FeedRequestParser.TryParse(request.Query, papers, sources, out var error);
        if (feedRequest is null)
        {
            await PlainText.WriteAsync(context, StatusCodes.Status400BadRequest, error!);
            return;
        }

        var version = await dataVersion.GetAsync(context.RequestAborted);
        // Everything the rendering depends on: the route, where it is served (self links), the filters, the data.
        var key = $"{(papers ? "papers" : "feed")}|{request.Scheme}://{request.Host.Value}{request.PathBase.Value}{request.Path.Value}{feedRequest.CanonicalQuery}|{version}";

        if (!cache.TryGet(key, out var resource))
        {
            var baseUrl = BaseUrl(request);
            var selfUrl = string.Concat(baseUrl, request.Path.ToUriComponent(), feedRequest.CanonicalQuery);
            // The rendering is shared with concurrent requests, so one client hanging up must not cancel it.
            resource = await cache.GetOrRenderAsync(
                key,
                () => RenderAsync(feedRequest, new FeedContext(baseUrl, selfUrl, TtlMinutes()), papers, sources, CancellationToken.None));
        }

        await ResourceResponder.SendAsync(context, resource!, cacheControl, feedRequest.Format == FeedFormat.Json ? null : BrowserDetector.XmlContentType);
    }

    private async Task<RenderedResource> RenderAsync(FeedRequest request, FeedContext context, bool forPapers, IReadOnlyList<SourceDefinition> sources, CancellationToken cancellationToken)
    {
        var title = options.FeedTitle;
        if (request.Query.SourceId is { } sourceId)
        {
            title += " — " + (sources.FirstOrDefault(s => s.Id == sourceId)?.Name ?? sourceId);
        }

        FeedDocument document;
        if (forPapers)
        {
            var found = await papers.GetNewestAsync(request.Query, cancellationToken);
            document = paperFeed.Build(found, context, title + " — papers", "Papers discussed by the sources, newest first, each with every post that covered it.");
        }
        else
        {
            var found = await posts.GetNewestAsync(request.Query, cancellationToken);
            document = await postFeed.BuildAsync(found, context, title, options.FeedDescription, cancellationToken);
        }

        return new RenderedResource(FeedRenderer.Render(document, request.Format), FeedRenderer.ContentType(request.Format), document.Updated);
    }

    private int TtlMinutes() => Math.Max(1, (options.CacheMaxAgeSeconds + 59) / 60);

    private static string BaseUrl(HttpRequest request) =>
        string.Concat(request.Scheme, "://", request.Host.ToUriComponent(), request.PathBase.ToUriComponent());

    private static bool IsReadMethod(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);

    private static Task MethodNotAllowedAsync(HttpContext context)
    {
        context.Response.Headers.Allow = "GET, HEAD";
        return PlainText.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, "Only GET and HEAD are allowed here.");
    }
}
