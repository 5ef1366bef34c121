using Aggregator.Sources;
using System.Buffers;
using System.Globalization;
using Aggregator.Publishing.Images;
using Aggregator.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aggregator.Publishing;

/// <summary>
/// The public HTTP surface: feeds (and their browser page), the OPML source list, the image proxy and the feed
/// stylesheet. Each handler writes the whole response (status, headers, body) and answers GET and HEAD, so the CLI's
/// minimal APIs and the Functions HTTP triggers both just call it with their HttpContext. With storage down a feed is
/// answered from its last rendering, marked stale, and anything else with 503 and Retry-After.
/// </summary>
public sealed partial class FeedEndpoints
{
    private const string StaleWarning = "110 - \"stale: storage unavailable\"";

    private readonly IPostStore posts;
    private readonly IPaperStore papers;
    private readonly IDataVersion dataVersion;
    private readonly ISourceCatalogProvider catalog;
    private readonly PostFeedBuilder postFeed;
    private readonly PaperFeedBuilder paperFeed;
    private readonly FeedDocumentSanitizer sanitizer;
    private readonly RenderedResourceCache cache;
    private readonly SiteAddresses addresses;
    private readonly ImageProxy imageProxy;
    private readonly PublishingOptions options;
    private readonly string storageLocation;
    private readonly ILogger<FeedEndpoints> logger;
    private readonly string cacheControl;
    private readonly string staleCacheControl;
    private IReadOnlyList<SourceDefinition> lastGoodSources = [];
    private long lastOutageLogged = long.MinValue;

    internal FeedEndpoints(
        IPostStore posts,
        IPaperStore papers,
        IDataVersion dataVersion,
        ISourceCatalogProvider catalog,
        PostFeedBuilder postFeed,
        PaperFeedBuilder paperFeed,
        FeedDocumentSanitizer sanitizer,
        RenderedResourceCache cache,
        SiteAddresses addresses,
        ImageProxy imageProxy,
        IOptions<PublishingOptions> options,
        string storageLocation,
        ILogger<FeedEndpoints> logger)
    {
        this.posts = posts;
        this.papers = papers;
        this.dataVersion = dataVersion;
        this.catalog = catalog;
        this.postFeed = postFeed;
        this.paperFeed = paperFeed;
        this.sanitizer = sanitizer;
        this.cache = cache;
        this.addresses = addresses;
        this.imageProxy = imageProxy;
        this.options = options.Value;
        this.storageLocation = storageLocation;
        this.logger = logger;
        cacheControl = "public, max-age=" + Math.Max(0, this.options.CacheMaxAgeSeconds).ToString(CultureInfo.InvariantCulture);
        // A stale answer is cached only until storage is asked again.
        staleCacheControl = "public, max-age=" + StorageUnavailableResponse.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>GET /api/feed: one item per distinct post, newest first; a browser gets it as a page.</summary>
    public Task FeedAsync(HttpContext context) =>
        ServeFeedAsync(context, papers: false);

    /// <summary>GET /api/papers: one item per distinct paper, newest first-seen first; a browser gets it as a page.</summary>
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

        var baseUrl = addresses.BaseUrl(context.Request);
        var key = "opml|" + baseUrl;
        var version = string.Join(",", sources.Select(s => s.Id));
        if (!cache.TryGet(key, version, out var resource))
        {
            var buffer = new ArrayBufferWriter<byte>(4096);
            OpmlWriter.Write(sources, options.FeedTitle, baseUrl, DateTimeOffset.UtcNow, buffer);
            resource = new RenderedResource(buffer.WrittenSpan.ToArray(), "text/x-opml; charset=utf-8", null);
            cache.Set(key, version, resource);
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
    public async Task ImageAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsReadMethod(context))
        {
            await MethodNotAllowedAsync(context);
            return;
        }

        try
        {
            await imageProxy.HandleAsync(context);
        }
        catch (Exception e) when (StorageOutage.IsOutage(e) && !context.Response.HasStarted)
        {
            // The image cache lives in blob storage; an image is not worth a stale answer, only an honest one.
            LogOutage(e, context.Request.Path.Value);
            await StorageUnavailableResponse.WriteAsync(context, storageLocation);
        }
    }

    /// <summary>GET /api/feed.xsl: the stylesheet that makes the XML feeds readable in a browser that still applies XSLT.</summary>
    public Task StylesheetAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsReadMethod(context))
        {
            return MethodNotAllowedAsync(context);
        }

        const string key = "xsl";
        if (!cache.TryGet(key, "", out var resource))
        {
            resource = new RenderedResource(FeedStylesheet.Bytes, FeedStylesheet.ContentType, null);
            cache.Set(key, "", resource);
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

        // A person in a browser gets the page; a reader (or a URL that names its format) gets the feed.
        var page = !feedRequest.FormatNamed && BrowserDetector.WantsHtml(request.Headers.Accept);
        var baseUrl = addresses.BaseUrl(request);
        var route = papers ? FeedRoutes.Papers : FeedRoutes.Feed;
        var selfUrl = baseUrl + route + feedRequest.CanonicalQuery;
        // Everything the rendering depends on, normalised: the representation, where it is served, the filters.
        var key = (page ? "page|" : "feed|") + selfUrl;

        RenderedResource? resource;
        try
        {
            var version = await dataVersion.GetAsync(context.RequestAborted);
            if (!cache.TryGet(key, version, out resource))
            {
                // The rendering is shared with concurrent requests, so one client hanging up must not cancel it.
                var feedContext = new FeedContext(baseUrl, selfUrl, TtlMinutes());
                resource = await cache.GetOrRenderAsync(
                    key,
                    version,
                    () => RenderAsync(feedRequest, feedContext, page, papers, sources, CancellationToken.None));
            }
        }
        catch (Exception e) when (StorageOutage.IsOutage(e) && !context.RequestAborted.IsCancellationRequested)
        {
            LogOutage(e, request.Path.Value);
            if (!cache.TryGetLatest(key, out resource))
            {
                await StorageUnavailableResponse.WriteAsync(context, storageLocation);
                return;
            }

            context.Response.Headers.Warning = StaleWarning;
            context.Response.Headers[StaleHeader.Name] = StaleHeader.StorageUnavailable;
            await SendFeedAsync(context, resource!, page, feedRequest, staleCacheControl);
            return;
        }

        await SendFeedAsync(context, resource!, page, feedRequest, cacheControl);
    }

    private static Task SendFeedAsync(HttpContext context, RenderedResource resource, bool page, FeedRequest request, string cacheControl) =>
        page
            ? ResourceResponder.SendAsync(context, resource, cacheControl, varyOnAccept: true)
            : ResourceResponder.SendAsync(context, resource, cacheControl, request.Format == FeedFormat.Json ? null : BrowserDetector.XmlContentType);

    private async Task<RenderedResource> RenderAsync(
        FeedRequest request, FeedContext context, bool page, bool forPapers, IReadOnlyList<SourceDefinition> sources, CancellationToken cancellationToken)
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
            document = sanitizer.Sanitize(document, _ => null);
        }
        else
        {
            var found = await posts.GetNewestAsync(request.Query, cancellationToken);
            document = await postFeed.BuildAsync(found, context, title, options.FeedDescription, cancellationToken);
            // The builder keeps the posts' order, so entry i is post i.
            document = sanitizer.Sanitize(document, i => i < found.Count ? TextLanguage.Of(found[i].Language, found[i].Title + " " + found[i].Summary) : null);
        }

        if (page)
        {
            var route = forPapers ? FeedRoutes.Papers : FeedRoutes.Feed;
            var links = new HtmlPageLinks(
                context.SelfUrl,
                [
                    new("RSS", "application/rss+xml", context.BaseUrl + route + FeedRequestParser.Canonical(request.Query, FeedFormat.Rss)),
                    new("Atom", "application/atom+xml", context.BaseUrl + route + FeedRequestParser.Canonical(request.Query, FeedFormat.Atom)),
                    new("JSON Feed", "application/feed+json", context.BaseUrl + route + FeedRequestParser.Canonical(request.Query, FeedFormat.Json)),
                ],
                context.BaseUrl + FeedRoutes.Feed,
                context.BaseUrl + FeedRoutes.Papers);
            return new RenderedResource(HtmlPageWriter.Write(document, links), HtmlPageWriter.ContentType, document.Updated, HtmlPageAssets.ContentSecurityPolicy);
        }

        return new RenderedResource(FeedRenderer.Render(document, request.Format), FeedRenderer.ContentType(request.Format), document.Updated);
    }

    private int TtlMinutes() => Math.Max(1, (options.CacheMaxAgeSeconds + 59) / 60);

    private static bool IsReadMethod(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);

    private static Task MethodNotAllowedAsync(HttpContext context)
    {
        context.Response.Headers.Allow = "GET, HEAD";
        return PlainText.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, "Only GET and HEAD are allowed here.");
    }

    /// <summary>Once per ten seconds at most: during an outage every request would log the same thing.</summary>
    private void LogOutage(Exception exception, string? path)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref lastOutageLogged);
        if (now - last >= 10_000 && Interlocked.CompareExchange(ref lastOutageLogged, now, last) == last)
        {
            LogStorageUnavailable(logger, exception, path);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage unavailable while serving {Path}; answering from cache or with 503")]
    private static partial void LogStorageUnavailable(ILogger logger, Exception exception, string? path);
}
