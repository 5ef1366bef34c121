using System.Collections.Concurrent;

namespace Aggregator.Fetching;

/// <summary>
/// At most N requests in flight per host and port, so one site with many sources (or many full-text links) is not
/// hammered by a parallel run. One semaphore per host ever seen: a few hundred at most for an aggregator.
/// </summary>
internal sealed class HostConcurrencyLimiter(int maxPerHost)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.OrdinalIgnoreCase);

    public async Task<Slot> EnterAsync(Uri url, CancellationToken cancellationToken = default)
    {
        var gate = gates.GetOrAdd(url.Authority, _ => new SemaphoreSlim(maxPerHost, maxPerHost));
        await gate.WaitAsync(cancellationToken);
        return new Slot(gate);
    }

    /// <summary>A taken place in a host's queue; disposing it lets the next request to that host go.</summary>
    internal sealed class Slot(SemaphoreSlim gate) : IDisposable
    {
        private SemaphoreSlim? gate = gate;

        public void Dispose() => Interlocked.Exchange(ref gate, null)?.Release();
    }
}
