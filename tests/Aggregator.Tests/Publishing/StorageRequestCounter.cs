using Azure.Core;
using Azure.Core.Pipeline;

namespace Aggregator.Tests.Publishing;

/// <summary>Counts the requests a storage client sends (each retry too): what "costs no storage read" is checked against.</summary>
internal sealed class StorageRequestCounter : HttpPipelineSynchronousPolicy
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref count);
}
