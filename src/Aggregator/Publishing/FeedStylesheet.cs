namespace Aggregator.Publishing;

/// <summary>The XSL stylesheet that turns the RSS and Atom feeds into a readable page when opened in a browser.</summary>
internal static class FeedStylesheet
{
    public const string ContentType = "text/xsl; charset=utf-8";

    private const string ResourceName = "Aggregator.Publishing.Resources.feed.xsl";

    private static readonly Lazy<byte[]> LazyBytes = new(Load);

    public static byte[] Bytes => LazyBytes.Value;

    private static byte[] Load()
    {
        using var stream = typeof(FeedStylesheet).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
