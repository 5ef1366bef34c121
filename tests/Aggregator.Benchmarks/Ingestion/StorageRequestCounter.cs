using Azure.Core;
using Azure.Core.Pipeline;

namespace Aggregator.Benchmarks.Ingestion;

/// <summary>Counts storage requests by kind (reads vs writes) as they leave the client pipeline.</summary>
internal sealed class StorageRequestCounter : HttpPipelineSynchronousPolicy
{
    private long reads;
    private long writes;

    public long Reads => Interlocked.Read(ref reads);

    public long Writes => Interlocked.Read(ref writes);

    public bool Trace { get; set; }

    public override void OnSendingRequest(HttpMessage message)
    {
        if (Trace)
        {
            Console.Error.WriteLine($"{message.Request.Method} {Uri.UnescapeDataString(message.Request.Uri.ToUri().PathAndQuery)}");
        }

        // Entity-group transactions are POSTs to $batch, writes; a GET is a point read or a query page.
        if (message.Request.Method == RequestMethod.Get)
        {
            Interlocked.Increment(ref reads);
        }
        else
        {
            Interlocked.Increment(ref writes);
        }
    }

    public void Reset()
    {
        Interlocked.Exchange(ref reads, 0);
        Interlocked.Exchange(ref writes, 0);
    }
}
