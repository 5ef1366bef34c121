namespace Aggregator.Publishing;

public enum ContentCoding
{
    Identity,
    Gzip,
    Brotli,
}
