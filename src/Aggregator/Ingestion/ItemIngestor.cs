using Aggregator.Dedupe;
using Aggregator.Extraction;
using Aggregator.Fetching;
using Aggregator.Papers;
using Aggregator.Parsing;
using Aggregator.Parsing.Encodings;
using Aggregator.Sources;
using Aggregator.Storage;
using Aggregator.Summaries;
using Microsoft.Extensions.Logging;

namespace Aggregator.Ingestion;

/// <summary>
/// Turns one feed item into a stored post, top to bottom: identity → known? → full text → main content → near-duplicate?
/// → papers → summary → store. Every step that reads source data is defensive: one bad item never fails its source.
/// </summary>
public sealed partial class ItemIngestor(
    IFetcher fetcher,
    IContentExtractor extractor,
    ILinkCanonicalizer links,
    IPaperIdentifier papers,
    PaperResolver paperResolver,
    IPostStore posts,
    DedupeOptions dedupe,
    ILogger<ItemIngestor> logger)
{
    // Copies first seen this close together count as seen at once (one run, or two instances' runs), so their feeds' own
    // dates decide which is the original.
    private static readonly TimeSpan SameRunWindow = TimeSpan.FromHours(1);

    // How far before the stored copy's date another copy's own date may reach and still be believed (reposts follow
    // their original by hours or days, not years).
    private static readonly TimeSpan TakeoverWindow = TimeSpan.FromDays(7);

    internal async Task<ItemOutcome> IngestAsync(SourceDefinition source, FeedItem item, Uri baseUri, IngestionRun run, CancellationToken cancellationToken)
    {
        var link = CanonicalLink(item.Link, baseUri);
        var identityKeys = PostIdentity.IdentityKeys(source.Id, item.Id, link);
        var copy = new PostSource(source.Id, source.Name, link ?? baseUri.AbsoluteUri, run.Started);

        if (await posts.FindByIdentityAsync(identityKeys, cancellationToken).ConfigureAwait(false) is { } knownId)
        {
            // The same item again, or the same URL from another feed: record the source, store nothing new.
            await posts.AddSourceAsync(knownId, copy, identityKeys, cancellationToken).ConfigureAwait(false);
            return ItemOutcome.Known;
        }

        var title = item.Title is { Length: > 0 } t ? t : "(untitled)";
        var article = await ExtractAsync(source, item, link, baseUri, cancellationToken).ConfigureAwait(false);
        var text = article.Text.Trim();
        // Too short a text (a bare "转发微博") would match everything: such posts get no fingerprint and only exact identity matching.
        var comparable = TextFingerprint.TryCompute(text, dedupe, out var fingerprint);

        if (comparable && await FindNearDuplicateAsync(fingerprint, cancellationToken).ConfigureAwait(false) is { } duplicateOf)
        {
            await posts.AddSourceAsync(duplicateOf, copy, identityKeys, cancellationToken).ConfigureAwait(false);
            await PreferEarlierCopyAsync(duplicateOf, source, item, copy, title, article, text, run, cancellationToken).ConfigureAwait(false);
            LogDuplicate(logger, title, source.Id, duplicateOf);
            return ItemOutcome.Duplicate;
        }

        // No lock around check and store: other sources of this run and other instances ingest at the same time, and the
        // store settles every race with Table Storage's conditional writes (see IPostStore.AddAsync). The checks above
        // only spare a known copy its summary.
        var post = await BuildPostAsync(source, item, run, copy, link ?? baseUri.AbsoluteUri, title, article, text, fingerprint, cancellationToken).ConfigureAwait(false);
        var mentions = papers.Identify(new PostDocument(title, article.Html, text, new Uri(post.Link)));
        var paperRefs = await paperResolver.ResolveAsync(post, mentions, cancellationToken).ConfigureAwait(false);
        var added = await posts.AddAsync(post with { Papers = paperRefs }, identityKeys, comparable ? dedupe.MaxDistance : -1, cancellationToken).ConfigureAwait(false);
        if (added.Outcome != PostAddOutcome.Added && added.PostId != post.Id)
        {
            await paperResolver.WithdrawAsync(post.Id, paperRefs, cancellationToken).ConfigureAwait(false);
        }

        switch (added.Outcome)
        {
            case PostAddOutcome.Added:
                return ItemOutcome.New;
            case PostAddOutcome.Duplicate:
                // Lost the race to a copy stored a moment earlier; the earlier-published copy still represents the post.
                await PreferEarlierCopyAsync(added.PostId, source, item, copy, title, article, text, run, cancellationToken).ConfigureAwait(false);
                LogDuplicate(logger, title, source.Id, added.PostId);
                return ItemOutcome.Duplicate;
            default:
                return ItemOutcome.Known;
        }
    }

    private static async Task<Post> BuildPostAsync(
        SourceDefinition source, FeedItem item, IngestionRun run, PostSource copy, string link, string title,
        ExtractedArticle article, string text, ulong fingerprint, CancellationToken cancellationToken)
    {
        var summary = await run.Summarizer.SummarizeAsync(new SummaryRequest(title, text, source.Language), cancellationToken).ConfigureAwait(false);
        return new Post
        {
            Id = PostIdentity.ComputeId(item.Id, link, title, text),
            SourceId = source.Id,
            SourceName = source.Name,
            Title = title,
            Link = link,
            Authors = item.Authors,
            Published = PlausibleDate(item.PublishingDate ?? item.UpdatedDate, run.Started),
            Updated = item.UpdatedDate is { } updated && PlausibleDate(updated, run.Started) == updated ? updated : null,
            FirstSeen = run.Started,
            ContentHtml = article.Html,
            Text = text,
            Summary = summary.Text,
            Summarizer = summary.Summarizer,
            SummaryRetry = summary.RetryLater,
            Language = summary.Language,
            Categories = item.Categories,
            Enclosures = item.Enclosures.Select(e => new StoredEnclosure(e.Url, e.MediaType, e.Length)).ToList(),
            Sources = [copy],
            Fingerprint = fingerprint,
        };
    }

    /// <summary>
    /// Copies of one post can arrive in any order (feeds are read in parallel, a repost's feed may be polled first).
    /// What we saw first represents the post; among copies first seen in the same run, the one its feed dates earlier
    /// (the original, not the "转载") takes over, but only within <see cref="TakeoverWindow"/> before the stored copy's date:
    /// a feed can forge any date, and a copy dated 2000-01-01 must not rewrite another source's title and link. The post
    /// keeps its id and its place in the feed, and every copy stays listed among its sources.
    /// </summary>
    private async Task PreferEarlierCopyAsync(
        string postId, SourceDefinition source, FeedItem item, PostSource copy, string title, ExtractedArticle article, string text,
        IngestionRun run, CancellationToken cancellationToken)
    {
        var published = PlausibleDate(item.PublishingDate ?? item.UpdatedDate, run.Started);
        for (var attempt = 0; attempt < 16; attempt++)
        {
            if (await posts.GetAsync(postId, cancellationToken).ConfigureAwait(false) is not { } stored
                || stored.SourceId == source.Id
                || stored.FirstSeen < run.Started.Subtract(SameRunWindow)
                || published >= stored.Published.AddMinutes(-1)
                || published < stored.Published.Subtract(TakeoverWindow))
            {
                return;
            }

            var updated = await posts.UpdateAsync(stored with
            {
                SourceId = source.Id,
                SourceName = source.Name,
                Title = title,
                Link = copy.Link,
                Authors = item.Authors,
                Published = published,
                ContentHtml = article.Html,
                Text = text,
                Sources = [.. stored.Sources.Where(s => s == copy), .. stored.Sources.Where(s => s != copy)],
            }, cancellationToken).ConfigureAwait(false);
            if (updated)
            {
                return;
            }
        }
    }

    /// <summary>
    /// A feed's date unless it is impossible: before 1601 (storage cannot keep it) or more than a day in the future
    /// (a wrong zone or a typo would pin the item to the top of the feed); then the time it was first seen.
    /// </summary>
    private static DateTimeOffset PlausibleDate(DateTimeOffset? date, DateTimeOffset seen) =>
        date is { } d && d.Year >= 1601 && d <= seen.AddDays(1) ? d : seen;

    private string? CanonicalLink(string? link, Uri baseUri)
    {
        if (string.IsNullOrWhiteSpace(link) || !Uri.TryCreate(baseUri, link.Trim(), out var absolute)
            || absolute.Scheme is not ("http" or "https"))
        {
            return null;
        }

        return links.Canonicalize(absolute).AbsoluteUri;
    }

    private async Task<ExtractedArticle> ExtractAsync(SourceDefinition source, FeedItem item, string? link, Uri baseUri, CancellationToken cancellationToken)
    {
        var html = item.Content is { Length: > 0 } content ? content : item.Description ?? "";
        var itemBase = link is null ? baseUri : new Uri(link);
        if (source.FullText && link is not null)
        {
            try
            {
                var page = await fetcher.FetchAsync(new FetchRequest(new Uri(link)) { AllowPrivateNetwork = source.AllowPrivateNetwork }, cancellationToken).ConfigureAwait(false);
                var decoded = TextDecoder.Decode(page.Body.Span, page.ContentType, source.Encoding, DocumentKind.Html).Text;
                return extractor.Extract(decoded, page.FinalUrl, source.Selectors);
            }
            catch (FetchException ex)
            {
                // The teaser is still worth keeping; the next item must not pay for this one's page.
                LogFullTextFailed(logger, link, ex.Message);
            }
        }

        return extractor.Extract(html, itemBase, source.Type == SourceType.Page ? null : source.Selectors);
    }

    private async Task<string?> FindNearDuplicateAsync(ulong fingerprint, CancellationToken cancellationToken)
    {
        var candidates = await posts.FindByFingerprintBandsAsync(fingerprint, cancellationToken).ConfigureAwait(false);
        return candidates
            .Select(c => (c.PostId, Distance: TextFingerprint.Distance(c.Fingerprint, fingerprint)))
            .Where(c => c.Distance <= dedupe.MaxDistance)
            .OrderBy(c => c.Distance)
            .Select(c => c.PostId)
            .FirstOrDefault();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Item {Title} from {Source} is a copy of post {PostId}")]
    private static partial void LogDuplicate(ILogger logger, string title, string source, string postId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Full text of {Link} could not be fetched, keeping the feed's text: {Reason}")]
    private static partial void LogFullTextFailed(ILogger logger, string link, string reason);
}
