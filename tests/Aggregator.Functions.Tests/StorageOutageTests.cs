using System.Net;
using System.Net.Sockets;
using Aggregator.Azurite;
using Aggregator.Functions.Tests.Harness;
using Azure;
using Microsoft.Extensions.Logging;

namespace Aggregator.Functions.Tests;

/// <summary>
/// With nothing listening where storage should be, the HTTP functions answer 503 with Retry-After and a line saying
/// where storage was expected — the feeds from the library's handler, the rest through the middleware — never a 500.
/// </summary>
[Collection(FunctionsEnvironment.Collection)]
public sealed class StorageOutageTests(FunctionsEnvironment environment)
{
    [Fact]
    public async Task Feed_WithStorageDown_Answers503WithRetryAfterAndNoKey()
    {
        var port = FreePort();
        await using var app = new FunctionsApp(ConnectionStringFor(port), []);
        var http = app.Request("GET", "/api/feed");
        var invocation = TestFunctionContext.ForHttp(nameof(Feed), http.Context);

        await app.Function<UnhandledExceptionMiddleware>().Invoke(invocation, _ => app.Function<Feed>().RunAsync(http.Request));

        AssertUnavailable(http, port);
        Assert.DoesNotContain(app.Logs.From<UnhandledExceptionMiddleware>(), e => e.Level == LogLevel.Error);
    }

    [Fact]
    public async Task Health_WithStorageDown_IsAnswered503ByTheMiddleware()
    {
        var port = FreePort();
        await using var app = new FunctionsApp(ConnectionStringFor(port), []);
        var http = app.Request("GET", "/api/health");
        var invocation = TestFunctionContext.ForHttp(nameof(Health), http.Context);

        await app.Function<UnhandledExceptionMiddleware>().Invoke(invocation, _ => app.Function<Health>().RunAsync(http.Request));

        AssertUnavailable(http, port);
        var logged = Assert.Single(app.Logs.From<UnhandledExceptionMiddleware>());
        Assert.Equal(LogLevel.Warning, logged.Level);
    }

    [Fact]
    public async Task HttpFunctionThatThrowsAWrappedConnectionFailure_Answers503NotA500()
    {
        await using var app = environment.NewApp([]);
        var http = app.Request("GET", "/api/papers");
        var invocation = TestFunctionContext.ForHttp(nameof(Papers), http.Context);
        var failure = new AggregateException(new RequestFailedException(0, "Retry failed", new HttpRequestException("Connection refused", new SocketException(111))));

        await app.Function<UnhandledExceptionMiddleware>().Invoke(invocation, _ => throw failure);

        Assert.Equal(503, http.StatusCode);
        Assert.Equal("30", http.Header("Retry-After"));
        Assert.StartsWith("storage unavailable: nothing answers at http://127.0.0.1:", http.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimerFunctionWithStorageDown_StillRethrowsSoItsRetryPolicyApplies()
    {
        await using var app = environment.NewApp([]);
        var invocation = TestFunctionContext.ForTimer(nameof(Ingest), app.Services);
        var failure = new RequestFailedException(0, "Connection refused");

        var thrown = await Assert.ThrowsAsync<RequestFailedException>(
            () => app.Function<UnhandledExceptionMiddleware>().Invoke(invocation, _ => throw failure));

        Assert.Same(failure, thrown);
    }

    private static void AssertUnavailable(HttpInvocation http, int port)
    {
        Assert.Equal(503, http.StatusCode);
        Assert.Equal("30", http.Header("Retry-After"));
        Assert.StartsWith("text/plain", http.Response.ContentType, StringComparison.Ordinal);
        Assert.StartsWith($"storage unavailable: nothing answers at http://127.0.0.1:{port}/devstoreaccount1 — start Azurite", http.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain(AzuriteProcess.DevelopmentAccountKey, http.BodyText, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string ConnectionStringFor(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName={AzuriteProcess.DevelopmentAccountName};AccountKey={AzuriteProcess.DevelopmentAccountKey};"
        + $"TableEndpoint=http://127.0.0.1:{port}/{AzuriteProcess.DevelopmentAccountName};BlobEndpoint=http://127.0.0.1:{port}/{AzuriteProcess.DevelopmentAccountName};"
        + $"QueueEndpoint=http://127.0.0.1:{port}/{AzuriteProcess.DevelopmentAccountName};";
}
