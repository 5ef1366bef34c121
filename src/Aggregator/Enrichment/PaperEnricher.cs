using System.Net.NetworkInformation;
using Aggregator.Papers;
using Aggregator.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aggregator.Enrichment;

/// <summary>
/// The enrichment stage, run after an ingest run: papers due for a lookup are (1) searched on arXiv by title when they
/// have no arXiv id, several titles to a request, and given the id when a returned title matches (which may merge them
/// with the paper that already has that id); (2) looked up on arXiv by id, many to a request; (3) looked up on
/// OpenReview by id. Answers are stored on the paper and never asked again; a failure is recorded on the paper and
/// retried on a later run. Nothing here can fail or hold up ingestion: the pass has a time budget, and every error
/// ends as a log line and a report.
/// </summary>
public sealed partial class PaperEnricher
{
    /// <summary>The lease one pass holds across every instance on the store (<see cref="IWorkLease"/>).</summary>
    public const string LeaseName = "enrichment-pass";

    /// <summary>A pass holds its lease this much longer than its budget: its last request and writes finish after the deadline.</summary>
    private static readonly TimeSpan LeaseMargin = TimeSpan.FromMinutes(1);

    private readonly IPendingPaperLookups pending;
    private readonly IWorkLease lease;
    private readonly IPaperStore store;
    private readonly PaperResolver resolver;
    private readonly ArxivClient arxiv;
    private readonly OpenReviewClient openReview;
    private readonly MetadataHttp arxivHttp;
    private readonly MetadataHttp openReviewHttp;
    private readonly IDataVersion dataVersion;
    private readonly EnrichmentOptions options;
    private readonly TimeProvider clock;
    private readonly ILogger<PaperEnricher> logger;

    // Runs may overlap in one process (the interval, the admin endpoint); one pass at a time is enough, the other skips
    // without a storage round trip. Across processes the lease decides.
    private readonly SemaphoreSlim passing = new(1, 1);

    internal PaperEnricher(
        IPendingPaperLookups pending,
        IWorkLease lease,
        IPaperStore store,
        PaperResolver resolver,
        MetadataServices services,
        IDataVersion dataVersion,
        IOptions<EnrichmentOptions> options,
        TimeProvider clock,
        ILogger<PaperEnricher> logger)
    {
        this.pending = pending;
        this.lease = lease;
        this.store = store;
        this.resolver = resolver;
        arxiv = services.Arxiv;
        openReview = services.OpenReview;
        arxivHttp = services.ArxivHttp;
        openReviewHttp = services.OpenReviewHttp;
        this.dataVersion = dataVersion;
        this.options = options.Value;
        this.clock = clock;
        this.logger = logger;
    }

    /// <summary>One pass with the configured budget (<see cref="EnrichmentOptions.Budget"/>).</summary>
    public Task<EnrichmentReport> EnrichPendingAsync(CancellationToken cancellationToken = default) =>
        EnrichPendingAsync(options.Budget, cancellationToken);

    /// <summary>Looks up the papers due, for at most <paramref name="budget"/>; never throws but for cancellation.</summary>
    public async Task<EnrichmentReport> EnrichPendingAsync(TimeSpan budget, CancellationToken cancellationToken = default)
    {
        if (!options.Enabled)
        {
            return EnrichmentReport.Skip(EnrichmentReport.DisabledReason);
        }

        if (!NetworkReachable())
        {
            return EnrichmentReport.Skip("no network");
        }

        if (!await passing.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            return EnrichmentReport.Skip("another pass is running in this process");
        }

        var pass = new EnrichmentPass(clock.GetUtcNow() + budget, arxivHttp.Requests, openReviewHttp.Requests);
        WorkLeaseHandle? held = null;
        try
        {
            held = await lease.TryAcquireAsync(LeaseName, budget + LeaseMargin, cancellationToken).ConfigureAwait(false);
            if (held is null)
            {
                return EnrichmentReport.Skip("another instance is running a pass");
            }

            await RunAsync(pass, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Storage failing mid-pass (or a paper that kept changing): what was stored stays stored, the rest is still due next run.
            LogPassFailed(logger, ex);
            pass.LastError = "stopped early: " + ex.Message;
        }
        finally
        {
            await ReleaseAsync(held).ConfigureAwait(false);
            passing.Release();
        }

        if (pass.Enriched + pass.TitlesResolved + pass.Merged > 0)
        {
            try
            {
                await dataVersion.BumpAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The papers are stored; the feeds show them once anything else bumps the version (the next new post).
                LogBumpFailed(logger, ex);
                pass.LastError = "stored, but the feeds' data version could not be bumped: " + ex.Message;
            }
        }

        var report = pass.Report(arxivHttp.Requests, openReviewHttp.Requests);

        LogPass(logger, report.Papers, report.Enriched, report.TitlesResolved, report.Merged, report.Failed, report.ArxivRequests, report.OpenReviewRequests);
        return report;
    }

    /// <summary>Frees the lease for the next pass anywhere; one that cannot be freed runs out by itself.</summary>
    private async Task ReleaseAsync(WorkLeaseHandle? held)
    {
        if (held is null)
        {
            return;
        }

        try
        {
            await lease.ReleaseAsync(held, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogLeaseKept(logger, held.Until, ex);
        }
    }

    private async Task RunAsync(EnrichmentPass pass, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ids = await pending.DueAsync(now, options.MaxPapersPerRun, cancellationToken).ConfigureAwait(false);
        var papers = new List<Paper>();
        foreach (var id in ids)
        {
            if (await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } paper
                && papers.All(p => p.Id != paper.Id) && PaperLookupNeeds.DueAt(paper) <= now)
            {
                papers.Add(paper);
            }
        }

        pass.Papers = papers.Count;
        await ResolveTitlesAsync(pass, papers.Where(PaperLookupNeeds.NeedsTitleSearch).ToList(), cancellationToken).ConfigureAwait(false);
        await FetchArxivAsync(pass, await CurrentAsync(papers, PaperLookupNeeds.NeedsArxiv, cancellationToken).ConfigureAwait(false), asked: false, cancellationToken).ConfigureAwait(false);
        await FetchOpenReviewAsync(pass, await CurrentAsync(papers, PaperLookupNeeds.NeedsOpenReview, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    private async Task ResolveTitlesAsync(EnrichmentPass pass, List<Paper> papers, CancellationToken cancellationToken)
    {
        foreach (var batch in papers.Chunk(Math.Max(1, options.TitleBatchSize)))
        {
            pass.Questions += batch.Length;
            var crowdedOut = await SearchTitlesAsync(pass, batch, ArxivClient.ResultsPerTitle, cancellationToken).ConfigureAwait(false);
            // A paper another answer of this batch merged away, or answered, is not asked again.
            foreach (var paper in await CurrentAsync(crowdedOut, PaperLookupNeeds.NeedsTitleSearch, cancellationToken).ConfigureAwait(false))
            {
                // arXiv matched more than it returned and this title was not among them (a generic title took the
                // room): asked alone, with more room, before it is called unmatched for good.
                await SearchTitlesAsync(pass, [paper], ArxivClient.ResultsForALoneTitle, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// One title search for <paramref name="batch"/>, each answer stored; returns the papers left unanswered because
    /// the shared answer was cut short, to be asked again alone.
    /// </summary>
    private async Task<List<Paper>> SearchTitlesAsync(EnrichmentPass pass, Paper[] batch, int resultsPerTitle, CancellationToken cancellationToken)
    {
        var crowdedOut = new List<Paper>();
        if (pass.ArxivStopped)
        {
            return crowdedOut;
        }

        ArxivTitleSearch found;
        try
        {
            found = await arxiv.SearchTitlesAsync(batch.Select(p => p.Title).ToList(), resultsPerTitle, pass.Deadline, cancellationToken).ConfigureAwait(false);
        }
        catch (MetadataLookupException ex) when (ex.Failure == MetadataFailure.Refused && batch.Length > 1)
        {
            // One title arXiv's query parser rejects refuses the whole OR: each is asked alone.
            return [.. batch];
        }
        catch (MetadataLookupException ex)
        {
            pass.ArxivStopped = await RecordFailureAsync(pass, batch, ex, cancellationToken).ConfigureAwait(false);
            return crowdedOut;
        }

        foreach (var paper in batch)
        {
            var match = TitleResolution.Pick(paper, found.Entries);
            if (match is null && !found.Complete && batch.Length > 1)
            {
                crowdedOut.Add(paper);
                continue;
            }

            var now = clock.GetUtcNow();
            var revision = await resolver.ReviseAsync(
                paper.Id,
                current => !PaperLookupNeeds.NeedsTitleSearch(current) ? null
                    : match is null ? PaperMetadata.TitleUnmatched(current, now)
                    : PaperMetadata.FromArxiv(current, match, now),
                cancellationToken).ConfigureAwait(false);
            if (match is not null && revision is not null)
            {
                pass.TitlesResolved++;
                pass.Enriched++;
                pass.Merged += revision.Absorbed.Count;
                LogResolved(logger, paper.Id, match.Id, revision.Paper.Id);
            }
        }

        return crowdedOut;
    }

    /// <param name="asked">False when the papers' questions were already counted (a refused list asked again one by one).</param>
    private async Task FetchArxivAsync(EnrichmentPass pass, IReadOnlyList<Paper> papers, bool asked, CancellationToken cancellationToken)
    {
        foreach (var batch in papers.Chunk(Math.Max(1, options.ArxivIdBatchSize)))
        {
            if (pass.ArxivStopped)
            {
                return;
            }

            IReadOnlyDictionary<string, ArxivEntry> found;
            pass.Questions += asked ? 0 : batch.Length;
            try
            {
                found = await arxiv.GetByIdsAsync(batch.Select(p => p.ArxivId!).Distinct(StringComparer.Ordinal).ToList(), pass.Deadline, cancellationToken).ConfigureAwait(false);
            }
            catch (MetadataLookupException ex) when (ex.Failure == MetadataFailure.Refused && batch.Length > 1)
            {
                // arXiv refuses a whole id_list for one id it calls malformed: each is asked alone, so only that one fails.
                foreach (var paper in batch)
                {
                    await FetchArxivAsync(pass, [paper], asked: true, cancellationToken).ConfigureAwait(false);
                }

                continue;
            }
            catch (MetadataLookupException ex)
            {
                pass.ArxivStopped = await RecordFailureAsync(pass, batch, ex, cancellationToken).ConfigureAwait(false);
                continue;
            }

            foreach (var paper in batch)
            {
                if (found.TryGetValue(paper.ArxivId!, out var entry))
                {
                    await ApplyAsync(pass, paper, current => PaperLookupNeeds.NeedsArxiv(current) && current.ArxivId == entry.Id ? PaperMetadata.FromArxiv(current, entry, clock.GetUtcNow()) : null, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await RecordFailureAsync(pass, [paper], new MetadataLookupException($"arXiv has no record of {paper.ArxivId}", MetadataFailure.Service), cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task FetchOpenReviewAsync(EnrichmentPass pass, List<Paper> papers, CancellationToken cancellationToken)
    {
        foreach (var paper in papers)
        {
            if (pass.OpenReviewStopped)
            {
                return;
            }

            OpenReviewNote? note;
            pass.Questions++;
            try
            {
                note = await openReview.GetAsync(paper.OpenReviewId!, pass.Deadline, cancellationToken).ConfigureAwait(false);
            }
            catch (MetadataLookupException ex)
            {
                pass.OpenReviewStopped = await RecordFailureAsync(pass, [paper], ex, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await ApplyAsync(
                pass,
                paper,
                // After a concurrent merge the record read may now carry another OpenReview id: this answer is not its.
                current => !PaperLookupNeeds.NeedsOpenReview(current) || current.OpenReviewId != paper.OpenReviewId ? null
                    : note is null ? PaperMetadata.OpenReviewHasNone(current, clock.GetUtcNow())
                    : PaperMetadata.FromOpenReview(current, note, clock.GetUtcNow()),
                cancellationToken,
                counts: note is not null).ConfigureAwait(false);
        }
    }

    private async Task ApplyAsync(EnrichmentPass pass, Paper paper, Func<Paper, Paper?> change, CancellationToken cancellationToken, bool counts = true)
    {
        var revision = await resolver.ReviseAsync(paper.Id, change, cancellationToken).ConfigureAwait(false);
        if (revision is not null && counts)
        {
            pass.Enriched++;
            pass.Merged += revision.Absorbed.Count;
        }
    }

    /// <summary>
    /// Records a failure on each paper of the request; true when the service should not be asked again this pass
    /// (unreachable, or out of time), in which case nothing is recorded: the papers are simply still due.
    /// </summary>
    private async Task<bool> RecordFailureAsync(EnrichmentPass pass, IReadOnlyList<Paper> papers, MetadataLookupException failure, CancellationToken cancellationToken)
    {
        if (failure.Failure is MetadataFailure.Unreachable or MetadataFailure.OutOfTime)
        {
            LogStopped(logger, failure.Message);
            pass.LastError = failure.Message;
            return true;
        }

        LogLookupFailed(logger, papers.Count, failure.Message);
        pass.LastError = failure.Message;
        foreach (var paper in papers)
        {
            var revision = await resolver.ReviseAsync(
                paper.Id,
                current => PaperMetadata.Failed(current, failure.Message, failure.RetryAfter, options.FailureBackoff, clock.GetUtcNow()),
                cancellationToken).ConfigureAwait(false);
            pass.Failed += revision is null ? 0 : 1;
        }

        // A service that is overloaded now will be no better a second later.
        return failure.RetryAfter is not null;
    }

    /// <summary>The papers as stored now (an earlier stage may have merged or answered them), those still needing <paramref name="need"/>.</summary>
    private async Task<List<Paper>> CurrentAsync(IEnumerable<Paper> papers, Func<Paper, bool> need, CancellationToken cancellationToken)
    {
        var current = new List<Paper>();
        foreach (var paper in papers)
        {
            if (await store.GetAsync(paper.Id, cancellationToken).ConfigureAwait(false) is { } now
                && need(now) && PaperLookupNeeds.DueAt(now) <= clock.GetUtcNow() && current.All(p => p.Id != now.Id))
            {
                current.Add(now);
            }
        }

        return current;
    }

    /// <summary>No network interface up: an offline host never waits on a lookup. Loopback services (tests) are always reachable.</summary>
    private bool NetworkReachable() =>
        (options.ArxivQueryUrl.IsLoopback && options.OpenReviewApiUrl.IsLoopback) || NetworkInterface.GetIsNetworkAvailable();

    [LoggerMessage(Level = LogLevel.Information, Message = "Enrichment: {Papers} papers due, {Enriched} enriched, {Resolved} titles resolved, {Merged} merged, {Failed} failed; {ArxivRequests} arXiv and {OpenReviewRequests} OpenReview requests")]
    private static partial void LogPass(ILogger logger, int papers, int enriched, int resolved, int merged, int failed, int arxivRequests, int openReviewRequests);

    [LoggerMessage(Level = LogLevel.Information, Message = "Title of paper {Paper} resolved to arXiv {ArxivId}; stored as {Survivor}")]
    private static partial void LogResolved(ILogger logger, string paper, string arxivId, string survivor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metadata lookup for {Count} papers failed, retried on a later run: {Error}")]
    private static partial void LogLookupFailed(ILogger logger, int count, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Metadata service not asked again this run: {Reason}")]
    private static partial void LogStopped(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Enriched papers are stored, but the feeds' data version could not be bumped; they show after the next change")]
    private static partial void LogBumpFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Enrichment lease not released; the next pass anywhere waits until {Until}")]
    private static partial void LogLeaseKept(ILogger logger, DateTimeOffset until, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Enrichment pass stopped early; the papers not reached stay due")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
