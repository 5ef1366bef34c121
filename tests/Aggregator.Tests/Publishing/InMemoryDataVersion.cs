using System.Globalization;
using Aggregator.Storage;

namespace Aggregator.Tests.Publishing;

internal sealed class InMemoryDataVersion : IDataVersion
{
    private long version = 1;
    private int reads;

    public int Reads => Volatile.Read(ref reads);

    public Task<string> GetAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref reads);
        return Task.FromResult(Interlocked.Read(ref version).ToString(CultureInfo.InvariantCulture));
    }

    public Task BumpAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref version);
        return Task.CompletedTask;
    }
}
