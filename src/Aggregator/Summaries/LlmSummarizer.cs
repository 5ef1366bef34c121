using System.ClientModel;
using System.ClientModel.Primitives;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenAI;
using OpenAI.Chat;

namespace Aggregator.Summaries;

/// <summary>
/// Summarises through any OpenAI-compatible chat endpoint, within a per-run call budget, caching every accepted
/// summary so an unchanged text is never sent twice. Whatever goes wrong — budget spent, timeout, 429, 5xx, a
/// network error, a reply that is not a summary — the result is the extractive summary, flagged
/// <see cref="Summary.RetryLater"/> when a later run may do better. Never throws, except when the caller cancels.
/// Create one per ingest run, with that run's <see cref="LlmCallBudget"/>.
/// </summary>
public sealed class LlmSummarizer : ISummarizer
{
    private readonly LlmOptions options;
    private readonly ISummaryCache cache;
    private readonly LlmCallBudget budget;
    private readonly ExtractiveSummarizer fallback;
    private readonly SummaryOptions summaryOptions;
    private readonly ILogger logger;
    private readonly ChatClient client;

    public LlmSummarizer(
        LlmOptions options,
        ISummaryCache cache,
        LlmCallBudget budget,
        ExtractiveSummarizer fallback,
        SummaryOptions? summaryOptions = null,
        ILogger<LlmSummarizer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(fallback);
        if (!options.IsConfigured)
        {
            throw new ArgumentException("The LLM summariser needs both an endpoint (LLM_ENDPOINT) and a model (LLM_MODEL).", nameof(options));
        }

        this.options = options;
        this.cache = cache;
        this.budget = budget;
        this.fallback = fallback;
        this.summaryOptions = summaryOptions ?? new SummaryOptions();
        this.logger = logger ?? NullLogger<LlmSummarizer>.Instance;
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = options.Endpoint,
            NetworkTimeout = options.Timeout,

            // Retrying a 429 inside one call would hold the run for the server's Retry-After; the next run retries.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };

        // Local OpenAI-compatible servers take no key, but the SDK requires a non-empty credential.
        var key = string.IsNullOrWhiteSpace(options.ApiKey) ? "no-key" : options.ApiKey;
        client = new ChatClient(options.Model, new ApiKeyCredential(key), clientOptions);
        SummarizerName = "llm:" + options.Model;
    }

    /// <summary>"llm:MODEL", as recorded on the post.</summary>
    public string SummarizerName { get; }

    public async Task<Summary> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var title = request.Title ?? "";
        var text = request.Text ?? "";
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback.Summarize(title, text, request.LanguageHint);
        }

        var sourceLanguage = LanguageDetector.Resolve(request.LanguageHint, text);
        var language = string.Equals(options.OutputLanguage, "source", StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(options.OutputLanguage)
            ? sourceLanguage
            : options.OutputLanguage.Trim().ToLowerInvariant();
        var key = CacheKey(options.PromptVersion, options.Model, language, title, text);

        var cached = await ReadCacheAsync(key, cancellationToken);
        if (cached is not null)
        {
            return new Summary(cached, SummarizerName, language);
        }

        if (!budget.TryTake())
        {
            logger.LogDebug("LLM call budget spent; extractive summary for {Title}, retried next run", title);
            return Fallback(request, retryLater: true);
        }

        var reply = await CompleteAsync(title, text, language, cancellationToken);
        if (reply is null)
        {
            return Fallback(request, retryLater: true);
        }

        var summary = SummaryLength.LeadingSentences(SentenceSplitter.Split(LlmOutput.Clean(reply)), language, summaryOptions);
        if (!LlmOutput.IsAcceptable(summary, language, sourceLanguage, title + "\n" + text))
        {
            // Asking again would most likely get the same reply for the same text; keep the extractive one.
            logger.LogWarning("LLM reply for {Title} rejected as not a {Language} summary of the post; extractive summary used", title, language);
            return Fallback(request, retryLater: false);
        }

        await WriteCacheAsync(key, summary, cancellationToken);
        return new Summary(summary, SummarizerName, language);
    }

    /// <summary>SHA-256 (lower hex) of everything that changes the summary: prompt version, model, language and text.</summary>
    public static string CacheKey(string promptVersion, string model, string language, string title, string text)
    {
        var material = string.Join('\u001f', promptVersion, model, language, title, text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)));
    }

    /// <summary>The model's reply, or null after a timeout, HTTP error or network failure (logged).</summary>
    private async Task<string?> CompleteAsync(string title, string text, string language, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        ChatMessage[] messages =
        [
            new SystemChatMessage(LlmPrompt.System(language, summaryOptions)),
            new UserChatMessage(LlmPrompt.User(title, text)),
        ];
        var completionOptions = new ChatCompletionOptions { MaxOutputTokenCount = options.MaxTokens, Temperature = 0.2f };
        try
        {
            ChatCompletion completion = await client.CompleteChatAsync(messages, completionOptions, timeout.Token);
            return string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("LLM call for {Title} timed out after {Timeout}; extractive summary used", title, options.Timeout);
        }
        catch (ClientResultException e)
        {
            logger.LogWarning("LLM call for {Title} failed with HTTP {Status}; extractive summary used", title, e.Status);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "LLM call for {Title} failed; extractive summary used", title);
        }

        return null;
    }

    private async Task<string?> ReadCacheAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await cache.GetAsync(key, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Summary cache read failed for {Key}; treated as a miss", key);
            return null;
        }
    }

    private async Task WriteCacheAsync(string key, string summary, CancellationToken cancellationToken)
    {
        try
        {
            await cache.SetAsync(key, summary, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Summary cache write failed for {Key}; the summary will be recomputed next time", key);
        }
    }

    private Summary Fallback(SummaryRequest request, bool retryLater) =>
        fallback.Summarize(request.Title ?? "", request.Text ?? "", request.LanguageHint) with { RetryLater = retryLater };
}
