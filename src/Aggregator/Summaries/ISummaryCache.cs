namespace Aggregator.Summaries;

/// <summary>
/// Remembers LLM summaries by a key that changes whenever the text, model, language or prompt does, so an unchanged
/// text is never sent to the model twice. Storage implements it over Table Storage.
/// </summary>
public interface ISummaryCache
{
    /// <summary>The summary stored under <paramref name="key"/>, or null.</summary>
    Task<string?> GetAsync(string key, CancellationToken cancellationToken = default);

    Task SetAsync(string key, string summary, CancellationToken cancellationToken = default);
}
