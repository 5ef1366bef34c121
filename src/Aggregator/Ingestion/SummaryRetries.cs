using Aggregator.Storage;
using Aggregator.Summaries;
using Microsoft.Extensions.Logging;

namespace Aggregator.Ingestion;

/// <summary>
/// Posts whose LLM summary fell back to the extractive one (timeout, 429, 5xx, budget) are asked again on later runs,
/// within the run's budget; a summary that still falls back stays marked for the next run.
/// </summary>
public sealed partial class SummaryRetries(IPostStore posts, ILogger<SummaryRetries> logger)
{
    private const int MaxPerRun = 50;

    /// <returns>How many posts got a better summary.</returns>
    public async Task<int> RetryAsync(ISummarizer summarizer, CancellationToken cancellationToken)
    {
        var improved = 0;
        foreach (var id in await posts.GetSummaryRetriesAsync(MaxPerRun, cancellationToken).ConfigureAwait(false))
        {
            if (await posts.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } post)
            {
                continue;
            }

            var summary = await summarizer.SummarizeAsync(new SummaryRequest(post.Title, post.Text, post.Language), cancellationToken).ConfigureAwait(false);
            if (summary.RetryLater)
            {
                // The budget ran out or the endpoint is still failing: the rest wait for the next run.
                break;
            }

            // Changed meanwhile (a copy recorded by another instance): it stays marked, and the next run tries again.
            if (await posts.UpdateAsync(post with { Summary = summary.Text, Summarizer = summary.Summarizer, SummaryRetry = false }, cancellationToken).ConfigureAwait(false))
            {
                improved++;
            }
        }

        if (improved > 0)
        {
            LogImproved(logger, improved);
        }

        return improved;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-summarised {Count} posts whose LLM summary had fallen back")]
    private static partial void LogImproved(ILogger logger, int count);
}
