using System.Net.Sockets;
using Aggregator.Publishing;
using Azure;

namespace Aggregator.Tests.Publishing;

/// <summary>What counts as "storage is not answering", as the Azure SDK reports it after its retries.</summary>
public sealed class StorageOutageClassificationTests
{
    public static TheoryData<Exception, bool> Cases() => new()
    {
        { new RequestFailedException(0, "connection refused", new HttpRequestException("Connection refused (127.0.0.1:10002)", new SocketException(111))), true },
        { new RequestFailedException(503, "server busy"), true },
        { new HttpRequestException("Name or service not known"), true },
        { new SocketException((int)SocketError.ConnectionRefused), true },
        { new AggregateException(new RequestFailedException(0, "refused"), new HttpRequestException("refused")), true },
        { new InvalidOperationException("outer", new AggregateException(new SocketException(111))), true },
        { new RequestFailedException(404, "not found"), false },
        { new RequestFailedException(412, "precondition failed"), false },
        { new AggregateException(new SocketException(111), new InvalidOperationException("a bug")), false },
        { new InvalidOperationException("a bug"), false },
        { new FormatException("bad data"), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsOutage_TellsAnUnreachableStoreFromOtherFailures(Exception exception, bool expected) =>
        Assert.Equal(expected, StorageOutage.IsOutage(exception));

    [Fact]
    public void Message_ForLocalStorage_SaysToStartAzuriteAndForRemoteStorage_ToRetry()
    {
        Assert.Equal(
            "storage unavailable: nothing answers at http://127.0.0.1:10002/devstoreaccount1 — start Azurite (npx azurite, or let `aggregator serve` start it), then retry.",
            StorageUnavailableResponse.Message("http://127.0.0.1:10002/devstoreaccount1"));
        Assert.Equal(
            "storage unavailable: https://acct.table.core.windows.net is not answering; retry in 30 seconds.",
            StorageUnavailableResponse.Message("https://acct.table.core.windows.net"));
    }
}
