namespace Aggregator.Parsing;

/// <summary>A document from which no feed could be recovered at all; the message says what was wrong.</summary>
public sealed class FeedParseException : Exception
{
    public FeedParseException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
