using System.Net.Sockets;
using Azure;

namespace Aggregator.Publishing;

/// <summary>
/// Tells "storage is not answering" from every other failure: a refused or dropped connection, a name that does not
/// resolve, a service that says it is unavailable. Azure.Data.Tables retries before it gives up, so the cause often
/// arrives wrapped (RequestFailedException with status 0, AggregateException of the attempts); the whole chain is read.
/// </summary>
public static class StorageOutage
{
    public static bool IsOutage(Exception? exception)
    {
        // Bounded: a cycle or a pathological chain must not hang the error path.
        for (var depth = 0; exception is not null && depth < 16; depth++)
        {
            switch (exception)
            {
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsOutage);
                case RequestFailedException failed when failed.Status is 0 or 503:
                case HttpRequestException:
                case SocketException:
                    return true;
            }

            exception = exception.InnerException;
        }

        return false;
    }
}
