namespace Aggregator.Summaries;

/// <summary>
/// The optional LLM summariser, bound from the LLM_* settings (<see cref="Hosting.SettingNames"/>). Used only when
/// <see cref="Endpoint"/> and <see cref="Model"/> are both set.
/// </summary>
public sealed class LlmOptions
{
    /// <summary>OpenAI-compatible base URL, including any version segment: "https://api.openai.com/v1",
    /// "http://localhost:11434/v1". The SDK appends "chat/completions".</summary>
    public Uri? Endpoint { get; set; }

    public string Model { get; set; } = "";

    /// <summary>Null for local endpoints that need none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// "source" to summarise in the post's language, or "zh" / "en". Other codes are passed to the model but its reply
    /// cannot be checked for language, and lengths are then counted in words.
    /// </summary>
    public string OutputLanguage { get; set; } = "source";

    public int MaxTokens { get; set; } = 300;

    public int CallsPerRun { get; set; } = 50;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Part of the cache key: bump it when the prompt changes so old summaries are recomputed.</summary>
    public string PromptVersion { get; set; } = LlmPrompt.Version;

    public bool IsConfigured => Endpoint is not null && !string.IsNullOrWhiteSpace(Model);
}
