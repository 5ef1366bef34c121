namespace Aggregator.Papers;

/// <summary>A paper as one post talks about it, with the context that post gives it.</summary>
public sealed class PaperMention
{
    /// <summary>Version-less arXiv id: "2406.05946" or "hep-th/9901001".</summary>
    public string? ArxivId { get; init; }

    /// <summary>The arXiv version the post linked, when it named one ("v2").</summary>
    public int? ArxivVersion { get; init; }

    /// <summary>Lower-case DOI without resolver prefix: "10.18653/v1/2023.acl-long.1".</summary>
    public string? Doi { get; init; }

    public string? OpenReviewId { get; init; }

    /// <summary>ACL Anthology id: "2023.acl-long.1" or "P19-1001".</summary>
    public string? AclId { get; init; }

    /// <summary>The title as the post writes it (display form).</summary>
    public string? Title { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>The paper's abstract when the post carries it.</summary>
    public string? Abstract { get; init; }

    /// <summary>A summary the post already provides for this paper ("Summary:", "AI 摘要").</summary>
    public string? ReadySummary { get; init; }

    /// <summary>Source code repositories found next to the paper (GitHub links).</summary>
    public IReadOnlyList<string> CodeUrls { get; init; } = [];

    /// <summary>Other links that identify the paper (abs/pdf/forum/doi URLs), unwrapped and absolute.</summary>
    public IReadOnlyList<string> Links { get; init; } = [];

    /// <summary>The text of the part of the post about this paper (for summaries when there is no abstract).</summary>
    public string? Context { get; init; }

    /// <summary>Every key this mention carries, strongest first.</summary>
    public IReadOnlyList<PaperKey> Keys { get; init; } = [];
}
