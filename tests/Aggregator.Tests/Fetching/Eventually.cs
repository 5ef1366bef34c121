namespace Aggregator.Tests.Fetching;

/// <summary>Waits for something another task does; the generous limit only stops a broken test from hanging.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(10, patience.Token);
        }
    }
}
