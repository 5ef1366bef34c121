namespace Aggregator.Papers;

/// <summary>
/// Sites that host arXiv papers under their arXiv id: Hugging Face paper pages (huggingface.co/papers/2406.05946) and
/// alphaXiv (alphaxiv.org/abs/2406.05946).
/// </summary>
internal static class HostedArxivLinks
{
    public static ArxivId? FromUrl(Uri uri)
    {
        var host = uri.Host.ToLowerInvariant();
        var segments = uri.AbsolutePath.Trim('/').Split('/');
        var id = host switch
        {
            "huggingface.co" or "www.huggingface.co" or "hf.co" when segments is ["papers", var paper, ..] => paper,
            "alphaxiv.org" or "www.alphaxiv.org" when segments is ["abs" or "overview" or "pdf", var paper, ..] => paper,
            _ => null,
        };
        return id is null ? null : ArxivIds.Parse(id);
    }
}
