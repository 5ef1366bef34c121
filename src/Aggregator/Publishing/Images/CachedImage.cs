namespace Aggregator.Publishing.Images;

/// <summary>Image bytes as fetched once through the proxy, with the content type the origin declared.</summary>
public sealed record CachedImage(string ContentType, byte[] Content);
