namespace Aggregator.Testing.Metadata;

/// <summary>
/// A clock for code that waits on a <see cref="TimeProvider"/>: every timer fires at once and moves the clock forward by
/// its due time, so a three-second rate gate costs no real time and the waits show up in <see cref="GetUtcNow"/>.
/// </summary>
public sealed class SteppingClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock gate = new();
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (gate)
        {
            now += by;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new SteppedTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class SteppedTimer(SteppingClock clock, TimerCallback callback, object? state) : ITimer
    {
        private bool disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (disposed || dueTime == Timeout.InfiniteTimeSpan)
            {
                return !disposed;
            }

            if (dueTime > TimeSpan.Zero)
            {
                clock.Advance(dueTime);
            }

            ThreadPool.QueueUserWorkItem(_ => callback(state));
            return true;
        }

        public void Dispose() => disposed = true;

        public ValueTask DisposeAsync()
        {
            disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
