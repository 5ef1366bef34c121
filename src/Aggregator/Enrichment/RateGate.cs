namespace Aggregator.Enrichment;

/// <summary>
/// Spaces the requests to one service: each starts at least <c>interval</c> after the one before, and a Retry-After
/// or backoff pushes the next start further out. One gate per service per process, shared by every lookup.
/// </summary>
internal sealed class RateGate(TimeSpan interval, TimeProvider clock)
{
    private readonly SemaphoreSlim turn = new(1, 1);
    private readonly Lock gate = new();
    private DateTimeOffset nextStart = DateTimeOffset.MinValue;

    /// <summary>Waits for the next slot and takes it; false, without waiting, when that slot is after <paramref name="deadline"/>.</summary>
    public async Task<bool> WaitAsync(DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        await turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = clock.GetUtcNow();
            DateTimeOffset start;
            lock (gate)
            {
                start = nextStart > now ? nextStart : now;
            }

            if (start > deadline)
            {
                return false;
            }

            if (start > now)
            {
                await Task.Delay(start - now, clock, cancellationToken).ConfigureAwait(false);
            }

            lock (gate)
            {
                var taken = clock.GetUtcNow();
                nextStart = Later(nextStart, taken + interval);
            }

            return true;
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>No request before <paramref name="wait"/> from now (a Retry-After, or backoff after an error).</summary>
    public void Defer(TimeSpan wait)
    {
        lock (gate)
        {
            nextStart = Later(nextStart, clock.GetUtcNow() + wait);
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
