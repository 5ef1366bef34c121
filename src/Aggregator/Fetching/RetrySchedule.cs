namespace Aggregator.Fetching;

/// <summary>
/// When to try a failing source again: <see cref="FirstDelay"/> after the first failure, doubling with each further
/// one up to <see cref="MaxDelay"/>, spread by ± <see cref="JitterFraction"/> so sources that failed together (our
/// network was down) do not all retry in the same minute. A server's Retry-After wins when it asks for longer.
/// </summary>
public sealed class RetrySchedule
{
    private readonly Random random;

    /// <param name="random">Jitter source; <see cref="Random.Shared"/> unless a test passes a seeded one (not thread-safe).</param>
    public RetrySchedule(
        TimeSpan? firstDelay = null,
        TimeSpan? maxDelay = null,
        double jitterFraction = 0.1,
        TimeSpan? maxRetryAfter = null,
        Random? random = null)
    {
        FirstDelay = firstDelay ?? TimeSpan.FromMinutes(5);
        MaxDelay = maxDelay ?? TimeSpan.FromHours(24);
        MaxRetryAfter = maxRetryAfter ?? TimeSpan.FromDays(7);
        JitterFraction = jitterFraction;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(FirstDelay, TimeSpan.Zero, nameof(firstDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, FirstDelay, nameof(maxDelay));
        ArgumentOutOfRangeException.ThrowIfNegative(jitterFraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(jitterFraction, 1.0);
        this.random = random ?? Random.Shared;
    }

    /// <summary>5 minutes doubling to 24 hours, ± 10 %, Retry-After honoured up to 7 days.</summary>
    public static RetrySchedule Default { get; } = new();

    public TimeSpan FirstDelay { get; }

    public TimeSpan MaxDelay { get; }

    /// <summary>Each delay is moved by up to this fraction of itself, either way (but never past <see cref="MaxDelay"/>).</summary>
    public double JitterFraction { get; }

    /// <summary>A Retry-After beyond this is taken as this: a typo'd header must not silence a source for a year.</summary>
    public TimeSpan MaxRetryAfter { get; }

    /// <summary>
    /// The earliest time to fetch a source again after <paramref name="failureCount"/> consecutive failures (counting the
    /// one just seen); <paramref name="now"/> itself when there were none.
    /// </summary>
    /// <param name="retryAfter">The server's Retry-After, from <see cref="FetchException.RetryAfter"/>.</param>
    public DateTimeOffset NextAttempt(int failureCount, DateTimeOffset now, TimeSpan? retryAfter) =>
        now + Delay(failureCount, retryAfter, random.NextDouble());

    /// <summary>The pure core: <paramref name="jitterSample"/> in [0, 1) maps to the full jitter range, 0.5 to none.</summary>
    internal TimeSpan Delay(int failureCount, TimeSpan? retryAfter, double jitterSample)
    {
        var backoff = failureCount <= 0 ? TimeSpan.Zero : Jittered(Backoff(failureCount), jitterSample);
        if (retryAfter is not { } asked || asked <= backoff)
        {
            return backoff;
        }

        return asked < MaxRetryAfter ? asked : MaxRetryAfter;
    }

    /// <summary>The delay before jitter: FirstDelay × 2^(failureCount − 1), at most MaxDelay.</summary>
    internal TimeSpan Backoff(int failureCount)
    {
        // Past 2^40 the product would overflow TimeSpan; any realistic cap has been reached long before.
        var doublings = Math.Min(failureCount - 1, 40);
        var ticks = FirstDelay.Ticks * Math.Pow(2, doublings);
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    private TimeSpan Jittered(TimeSpan delay, double jitterSample)
    {
        var factor = 1 + (JitterFraction * ((2 * jitterSample) - 1));
        var ticks = Math.Min(delay.Ticks * factor, MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
