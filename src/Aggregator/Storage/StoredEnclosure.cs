namespace Aggregator.Storage;

public sealed record StoredEnclosure(string Url, string? MediaType, long? Length);
