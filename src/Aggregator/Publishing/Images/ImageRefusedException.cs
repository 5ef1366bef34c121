namespace Aggregator.Publishing.Images;

/// <summary>The proxy will not fetch this image; the message is shown to the client and says why.</summary>
internal sealed class ImageRefusedException(string message) : Exception(message);
