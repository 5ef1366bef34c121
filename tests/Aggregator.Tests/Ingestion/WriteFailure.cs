using Azure.Core;
using Azure.Core.Pipeline;

namespace Aggregator.Tests.Ingestion;

/// <summary>
/// A storage outage at one chosen moment: the Nth table write (POST, PUT, PATCH, MERGE, DELETE) fails as a dropped
/// connection would, and every request after it goes through — a process that died there and was started again.
/// </summary>
internal sealed class WriteFailure(int failAt) : HttpPipelinePolicy
{
    private int writes;

    public bool Tripped { get; private set; }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Trip(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Trip(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Trip(HttpMessage message)
    {
        if (message.Request.Method != RequestMethod.Get && Interlocked.Increment(ref writes) == failAt)
        {
            Tripped = true;
            throw new IOException($"write {failAt} failed (simulated crash): {message.Request.Method} {message.Request.Uri}");
        }
    }
}
