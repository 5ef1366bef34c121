namespace Aggregator.Publishing.Images;

/// <summary>An image, or why the origin did not give one (a 502 for the client, unlike a policy refusal).</summary>
internal sealed record ImageFetchResult(CachedImage? Image, string? Error)
{
    public static ImageFetchResult Fetched(CachedImage image) => new(image, null);

    public static ImageFetchResult Failed(string error) => new(null, error);
}
