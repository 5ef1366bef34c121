namespace Aggregator.Storage;

/// <summary>A distinct post: stored once however many sources carried it.</summary>
public sealed record Post
{
    /// <summary>Stable id derived from the first copy's identity (guid, else canonical URL, else title and text).</summary>
    public required string Id { get; init; }

    /// <summary>The source of the earliest copy; <see cref="Sources"/> lists all of them.</summary>
    public required string SourceId { get; init; }

    public required string SourceName { get; init; }

    public required string Title { get; init; }

    /// <summary>Canonical URL of the post.</summary>
    public required string Link { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    public required DateTimeOffset Published { get; init; }

    public DateTimeOffset? Updated { get; init; }

    /// <summary>When this aggregator first stored the post; the feed orders by it so late-arriving items are seen.</summary>
    public required DateTimeOffset FirstSeen { get; init; }

    /// <summary>Sanitised HTML of the main content.</summary>
    public string ContentHtml { get; init; } = "";

    /// <summary>Plain text of the main content.</summary>
    public string Text { get; init; } = "";

    public string? Summary { get; init; }

    /// <summary>Who wrote <see cref="Summary"/>: "extractive", "source" or "llm:MODEL".</summary>
    public string? Summarizer { get; init; }

    /// <summary>The summary is a fallback; a later run should ask the configured LLM again.</summary>
    public bool SummaryRetry { get; init; }

    public string? Language { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<StoredEnclosure> Enclosures { get; init; } = [];

    public IReadOnlyList<PostSource> Sources { get; init; } = [];

    public IReadOnlyList<PostPaper> Papers { get; init; } = [];

    /// <summary>SimHash of the normalised text, for near-duplicate detection.</summary>
    public ulong Fingerprint { get; init; }

    /// <summary>
    /// The stored version this record was read at (an ETag), null when built, not read: an update made from it succeeds
    /// only if no other writer (a copy recorded by another instance) changed the post since.
    /// </summary>
    public string? StoreVersion { get; init; }
}
