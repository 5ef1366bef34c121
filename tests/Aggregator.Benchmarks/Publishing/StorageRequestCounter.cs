using Azure.Core;
using Azure.Core.Pipeline;

namespace Aggregator.Benchmarks.Publishing;

/// <summary>Counts the requests the app sends to storage: what a warm feed request must not cost.</summary>
internal sealed class StorageRequestCounter : HttpPipelineSynchronousPolicy
{
    private long count;

    public long Count => Interlocked.Read(ref count);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref count);
}
