using System.Text.Json;
using Aggregator.Functions.Tests.Harness;
using Aggregator.Hosting;
using Aggregator.Sources;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aggregator.Functions.Tests;

[Collection(FunctionsEnvironment.Collection)]
public sealed class UnhandledExceptionMiddlewareTests(FunctionsEnvironment environment)
{
    [Fact]
    public async Task HttpFunctionThatThrows_Answers500WithTheInvocationIdButNoDetails()
    {
        await using var app = environment.NewApp([]);
        var http = app.Request("GET", "/api/feed");
        var invocation = TestFunctionContext.ForHttp(nameof(Feed), http.Context);

        await app.Function<UnhandledExceptionMiddleware>().Invoke(invocation, _ => throw new InvalidOperationException("table service said no: secret-account-name"));

        Assert.Equal(500, http.StatusCode);
        Assert.StartsWith("application/json", http.Response.ContentType, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(http.BodyText);
        Assert.Equal(invocation.InvocationId, body.RootElement.GetProperty("invocationId").GetString());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("error").GetString()));
        Assert.DoesNotContain("secret-account-name", http.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FunctionThatThrows_IsLoggedWithItsFunctionAndInvocation()
    {
        await using var app = environment.NewApp([]);
        var http = app.Request("GET", "/api/papers");
        var invocation = TestFunctionContext.ForHttp(nameof(Papers), http.Context);
        var failure = new InvalidOperationException("boom");

        await app.Function<UnhandledExceptionMiddleware>().Invoke(invocation, _ => throw failure);

        var logged = Assert.Single(app.Logs.From<UnhandledExceptionMiddleware>());
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.Same(failure, logged.Exception);
        Assert.Equal(nameof(Papers), logged["Function"]);
        Assert.Equal(invocation.InvocationId, logged["InvocationId"]);
    }

    [Fact]
    public async Task HttpFunctionThatThrowsAfterTheResponseStarted_AbortsInsteadOfSendingATruncatedBody()
    {
        await using var app = environment.NewApp([]);
        var http = app.Request("GET", "/api/feed");
        var features = StartedResponseFeatures.On(http.Context);
        var invocation = TestFunctionContext.ForHttp(nameof(Feed), http.Context);

        await app.Function<UnhandledExceptionMiddleware>().Invoke(invocation, async _ =>
        {
            http.Response.StatusCode = 200;
            features.Start();
            await http.Response.Body.WriteAsync("<rss><channel>"u8.ToArray());
            throw new IOException("storage went away mid-feed");
        });

        Assert.True(features.Aborted);
        Assert.Equal(200, http.StatusCode);
        Assert.Equal("<rss><channel>", http.BodyText);
    }

    [Fact]
    public async Task TimerFunctionThatThrows_RethrowsSoTheHostRecordsItAndRetries()
    {
        await using var app = environment.NewApp([]);
        var invocation = TestFunctionContext.ForTimer(nameof(Ingest), app.Services);
        var failure = new InvalidOperationException("storage is down");

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(
            () => app.Function<UnhandledExceptionMiddleware>().Invoke(invocation, _ => throw failure));

        Assert.Same(failure, thrown);
        Assert.Single(app.Logs.From<UnhandledExceptionMiddleware>(), e => e.Level == LogLevel.Error);
    }

    [Fact]
    public async Task TimerFunctionWithAMissingSourcesFile_FailsThroughTheMiddleware()
    {
        await using var app = environment.NewApp([], new Dictionary<string, string?> { [SettingNames.SourcesFile] = "/nonexistent/sources.json" });
        var invocation = TestFunctionContext.ForTimer(nameof(Ingest), app.Services);
        var ingest = app.Function<Ingest>();

        await Assert.ThrowsAsync<SourceCatalogException>(
            () => app.Function<UnhandledExceptionMiddleware>().Invoke(invocation, _ => ingest.RunAsync(new TimerInfo(), CancellationToken.None)));

        var logged = Assert.Single(app.Logs.From<UnhandledExceptionMiddleware>());
        Assert.Equal(nameof(Ingest), logged["Function"]);
    }

    [Fact]
    public async Task HostShuttingDown_PropagatesTheCancellationWithoutLoggingAFailure()
    {
        await using var app = environment.NewApp([]);
        using var shutdown = new CancellationTokenSource();
        await shutdown.CancelAsync();
        var invocation = TestFunctionContext.ForTimer(nameof(Ingest), app.Services, shutdown.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => app.Function<UnhandledExceptionMiddleware>().Invoke(invocation, _ => throw new OperationCanceledException(shutdown.Token)));

        Assert.Empty(app.Logs.From<UnhandledExceptionMiddleware>());
    }

    [Fact]
    public async Task FunctionThatSucceeds_IsLeftAsItAnswered()
    {
        var app = await environment.IngestedAppAsync();
        var http = app.Request("GET", "/api/feed.xsl");
        var invocation = TestFunctionContext.ForHttp(nameof(FeedStylesheet), http.Context);
        var logsBefore = app.Logs.From<UnhandledExceptionMiddleware>().Count;

        await app.Function<UnhandledExceptionMiddleware>().Invoke(invocation, _ => app.Function<FeedStylesheet>().RunAsync(http.Request));

        Assert.Equal(200, http.StatusCode);
        Assert.Equal("text/xsl; charset=utf-8", http.Response.ContentType);
        Assert.Equal(logsBefore, app.Logs.From<UnhandledExceptionMiddleware>().Count);
    }

    [Fact]
    public void TestFunctionContext_CarriesTheHttpContextWhereTheIntegrationPutsIt()
    {
        var http = new HttpInvocation(new ServiceCollection().BuildServiceProvider(), "GET", "/api/feed");

        var invocation = TestFunctionContext.ForHttp(nameof(Feed), http.Context);

        // If a worker update moved the HttpContext, GetHttpContext() would return null and the tests above would pass
        // against a context the real middleware never sees.
        Assert.Same(http.Context, invocation.GetHttpContext());
        Assert.Null(TestFunctionContext.ForTimer(nameof(Ingest), http.Context.RequestServices).GetHttpContext());
    }
}
