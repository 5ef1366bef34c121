namespace Aggregator.Sources;

/// <summary>An invalid sources file; the message names the file, the entry and the field.</summary>
public sealed class SourceCatalogException : Exception
{
    public SourceCatalogException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
