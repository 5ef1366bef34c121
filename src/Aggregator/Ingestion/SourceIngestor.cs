using System.Diagnostics;
using Aggregator.Extraction;
using Aggregator.Fetching;
using Aggregator.Parsing;
using Aggregator.Parsing.Encodings;
using Aggregator.Sources;
using Aggregator.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aggregator.Ingestion;

/// <summary>
/// One source, one run, in Miniflux's order: backing off? → conditional fetch → not modified? → parse → items → state.
/// Every failure is caught here, recorded on the source's state with a backoff, and reported; it never escapes to fail
/// the other sources.
/// </summary>
public sealed partial class SourceIngestor(
    IFetcher fetcher,
    IFeedReader feedReader,
    PageReader pageReader,
    ItemIngestor items,
    RetrySchedule retrySchedule,
    ISourceStateStore states,
    IOptions<IngestionOptions> options,
    TimeProvider clock,
    ILogger<SourceIngestor> logger)
{
    public async Task<SourceRunResult> IngestAsync(SourceDefinition source, IngestionRun run, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var state = await states.GetAsync(source.Id, cancellationToken).ConfigureAwait(false) ?? new SourceState { SourceId = source.Id };
        if (!source.Enabled)
        {
            return new SourceRunResult(source.Id, source.Name, SourceOutcome.Skipped) { Message = "disabled" };
        }

        var now = clock.GetUtcNow();
        if (!run.IgnoreBackoff && state.NextAttempt is { } next && next > now)
        {
            return new SourceRunResult(source.Id, source.Name, SourceOutcome.Skipped)
            {
                Message = $"backing off after {state.FailureCount} failure(s) until {next:u}: {state.LastError}",
            };
        }

        try
        {
            var response = await fetcher.FetchAsync(
                new FetchRequest(source.Url) { ETag = state.ETag, LastModified = state.LastModified, AllowPrivateNetwork = source.AllowPrivateNetwork }, cancellationToken).ConfigureAwait(false);
            if (response.NotModified)
            {
                await states.SaveAsync(Succeeded(state, response, now, [], 0), cancellationToken).ConfigureAwait(false);
                return new SourceRunResult(source.Id, source.Name, SourceOutcome.Unchanged) { Elapsed = stopwatch.Elapsed };
            }

            var feed = Read(source, response);
            var warnings = feed.Warnings.ToList();
            if (response.Truncated)
            {
                warnings.Add($"The response was cut off at {response.Body.Length:N0} bytes; items past that point were not read.");
            }

            var (added, duplicates, known) = await IngestItemsAsync(source, feed, response.FinalUrl, run, warnings, cancellationToken).ConfigureAwait(false);
            await states.SaveAsync(Succeeded(state, response, now, warnings, added), cancellationToken).ConfigureAwait(false);
            LogIngested(logger, source.Id, added, duplicates, known, stopwatch.Elapsed);
            return new SourceRunResult(source.Id, source.Name, SourceOutcome.Ingested)
            {
                NewPosts = added, Duplicates = duplicates, Known = known, Elapsed = stopwatch.Elapsed, Warnings = warnings,
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var message = Describe(ex);
            var retryAfter = (ex as FetchException)?.RetryAfter;
            var failures = state.FailureCount + 1;
            var failed = new SourceState
            {
                SourceId = source.Id, ETag = state.ETag, LastModified = state.LastModified, LastSuccess = state.LastSuccess,
                LastAttempt = now, LastError = message, FailureCount = failures, TotalItems = state.TotalItems,
                NextAttempt = retrySchedule.NextAttempt(failures, now, retryAfter), Warnings = state.Warnings,
            };
            await states.SaveAsync(failed, CancellationToken.None).ConfigureAwait(false);
            LogFailed(logger, source.Id, failures, message);
            return new SourceRunResult(source.Id, source.Name, SourceOutcome.Failed) { Message = message, Elapsed = stopwatch.Elapsed };
        }
    }

    private Feed Read(SourceDefinition source, FetchResponse response)
    {
        if (source.Type == SourceType.Page)
        {
            var decoded = TextDecoder.Decode(response.Body.Span, response.ContentType, source.Encoding, DocumentKind.Html);
            var page = pageReader.Read(decoded.Text, response.FinalUrl, source.Selectors);
            return decoded.Warnings.Count == 0 ? page : WithWarnings(page, decoded.Warnings);
        }

        return feedReader.Read(response.Body, new FeedReadOptions
        {
            BaseUri = response.FinalUrl, ContentType = response.ContentType, ForcedEncoding = source.Encoding,
        });
    }

    private async Task<(int Added, int Duplicates, int Known)> IngestItemsAsync(
        SourceDefinition source, Feed feed, Uri baseUri, IngestionRun run, List<string> warnings, CancellationToken cancellationToken)
    {
        int added = 0, duplicates = 0, known = 0;
        // Oldest first, so that when a run is cut short the items left behind are the newest, taken next time.
        foreach (var item in feed.Items.Reverse())
        {
            if (added >= options.Value.MaxNewItemsPerSource)
            {
                warnings.Add($"Stopped after {added} new items; the rest are read in the next run.");
                break;
            }

            try
            {
                switch (await items.IngestAsync(source, item, baseUri, run, cancellationToken).ConfigureAwait(false))
                {
                    case ItemOutcome.New: added++; break;
                    case ItemOutcome.Duplicate: duplicates++; break;
                    default: known++; break;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException && ex is not Azure.RequestFailedException)
            {
                // One malformed item must not cost its source the others; storage failures do fail the source.
                warnings.Add($"Item {item.Link ?? item.Id ?? item.Title} skipped: {ex.Message}");
                LogItemFailed(logger, source.Id, item.Link ?? item.Id, ex);
            }
        }

        return (added, duplicates, known);
    }

    private static Feed WithWarnings(Feed feed, IReadOnlyList<string> warnings) => new()
    {
        Type = feed.Type, Title = feed.Title, Link = feed.Link, Description = feed.Description, Language = feed.Language,
        ImageUrl = feed.ImageUrl, LastUpdatedDate = feed.LastUpdatedDate, Encoding = feed.Encoding, TimeToLive = feed.TimeToLive,
        SkipDays = feed.SkipDays, Items = feed.Items, Warnings = [.. warnings, .. feed.Warnings],
    };

    private static SourceState Succeeded(SourceState previous, FetchResponse response, DateTimeOffset now, IReadOnlyList<string> warnings, int added) => new()
    {
        SourceId = previous.SourceId,
        ETag = response.ETag ?? (response.NotModified ? previous.ETag : null),
        LastModified = response.LastModified ?? (response.NotModified ? previous.LastModified : null),
        LastAttempt = now,
        LastSuccess = now,
        FailureCount = 0,
        NextAttempt = response.RetryAfter is { } wait ? now + wait : null,
        Warnings = response.NotModified ? previous.Warnings : warnings,
        LastNewItems = added,
        TotalItems = previous.TotalItems + added,
    };

    private static string Describe(Exception ex) => ex switch
    {
        FetchException or FeedParseException => ex.Message,
        Azure.RequestFailedException storage => $"Storage error {storage.Status} ({storage.ErrorCode}): {storage.Message}",
        OperationCanceledException => "Timed out.",
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested {Source}: {New} new, {Duplicates} duplicates, {Known} known in {Elapsed}")]
    private static partial void LogIngested(ILogger logger, string source, int @new, int duplicates, int known, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source {Source} failed ({Failures} in a row): {Reason}")]
    private static partial void LogFailed(ILogger logger, string source, int failures, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source {Source}: item {Item} skipped")]
    private static partial void LogItemFailed(ILogger logger, string source, string? item, Exception exception);
}
