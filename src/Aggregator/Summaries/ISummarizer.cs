namespace Aggregator.Summaries;

/// <summary>Writes a short, faithful summary in the language of its source. Never throws for a bad text.</summary>
public interface ISummarizer
{
    Task<Summary> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken = default);
}
