namespace Aggregator.Storage;

/// <summary>A held <see cref="IWorkLease"/>: which, by whom, and the stored version a release is conditional on.</summary>
public sealed record WorkLeaseHandle(string Name, string Holder, DateTimeOffset Until, string Version);
