namespace Aggregator.Hosting;

/// <summary>
/// Every configuration key the app reads, in one place: the CLI, local.settings.sample.json and the Bicep app settings
/// must agree with these names (a test checks it). Flat names, because Functions binding expressions
/// (<c>%INGEST_SCHEDULE%</c>) and App Service settings both take them as they are.
/// </summary>
public static class SettingNames
{
    /// <summary>Storage connection: a connection string, or a section with tableServiceUri/blobServiceUri (identity).</summary>
    public const string Storage = "AzureWebJobsStorage";

    /// <summary>Path or URL of the sources JSON file.</summary>
    public const string SourcesFile = "AGGREGATOR_SOURCES";

    /// <summary>NCRONTAB schedule of the ingest timer, e.g. "0 */30 * * * *".</summary>
    public const string IngestSchedule = "INGEST_SCHEDULE";

    /// <summary>Wall-clock budget of one ingest run (TimeSpan, e.g. "00:08:00"); sources not reached wait for the next run.</summary>
    public const string IngestTimeBudget = "INGEST_TIME_BUDGET";

    /// <summary>Key required by admin operations (POST /api/ingest) in the CLI host; Functions use a function key.</summary>
    public const string AdminKey = "ADMIN_KEY";

    /// <summary>HMAC key that signs image-proxy URLs; unset, one is generated once and kept in the meta table.</summary>
    public const string ImageProxySigningKey = "IMAGE_PROXY_SIGNING_KEY";

    /// <summary>"true" (default) to rewrite hot-link-protected images to the proxy.</summary>
    public const string ImageProxyEnabled = "IMAGE_PROXY_ENABLED";

    /// <summary>OpenAI-compatible base URL; the LLM summariser is used only when this and <see cref="LlmModel"/> are set.</summary>
    public const string LlmEndpoint = "LLM_ENDPOINT";

    public const string LlmModel = "LLM_MODEL";

    public const string LlmApiKey = "LLM_API_KEY";

    /// <summary>Output language of LLM summaries: "source" (default, the source's language), or a code like "zh".</summary>
    public const string LlmLanguage = "LLM_LANGUAGE";

    public const string LlmMaxTokens = "LLM_MAX_TOKENS";

    /// <summary>At most this many LLM calls per ingest run.</summary>
    public const string LlmCallsPerRun = "LLM_CALLS_PER_RUN";

    /// <summary>"true" (default) to look papers up on arXiv and OpenReview; "false" keeps every run offline.</summary>
    public const string EnrichmentEnabled = "ENRICHMENT_ENABLED";

    /// <summary>
    /// How this deployment's operators are reached (a URL or mailto:), appended to the User-Agent sent to arXiv and
    /// OpenReview, as arXiv's API terms ask; overrides Enrichment__Contact.
    /// </summary>
    public const string EnrichmentContact = "ENRICHMENT_CONTACT";
}
