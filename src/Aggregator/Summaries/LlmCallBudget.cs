namespace Aggregator.Summaries;

/// <summary>
/// How many LLM calls one ingest run may still make. The orchestrator creates one per run (from
/// <see cref="LlmOptions.CallsPerRun"/>) so a backlog of new posts cannot run up the bill; summaries beyond it fall back
/// to extractive with <see cref="Summary.RetryLater"/> set, and a later run picks them up. Thread-safe.
/// </summary>
public sealed class LlmCallBudget
{
    private int remaining;

    public LlmCallBudget(int calls)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(calls);
        remaining = calls;
    }

    public int Remaining => Math.Max(0, Volatile.Read(ref remaining));

    /// <summary>Takes one call from the budget; false when it is spent.</summary>
    public bool TryTake() => Interlocked.Decrement(ref remaining) >= 0;
}
