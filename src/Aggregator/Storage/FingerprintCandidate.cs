namespace Aggregator.Storage;

public sealed record FingerprintCandidate(string PostId, ulong Fingerprint);
