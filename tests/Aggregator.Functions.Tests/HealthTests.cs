using System.Text.Json;
using Aggregator.Functions.Tests.Harness;

namespace Aggregator.Functions.Tests;

[Collection(FunctionsEnvironment.Collection)]
public sealed class HealthTests(FunctionsEnvironment environment)
{
    [Fact]
    public async Task Health_AfterAnIngest_ReportsEverySourceFetchedWithoutFailureAndIsNeverCached()
    {
        var app = await environment.IngestedAppAsync();
        var http = app.Request("GET", "/api/health");

        await app.Function<Health>().RunAsync(http.Request);

        Assert.Equal(200, http.StatusCode);
        Assert.Equal("application/json; charset=utf-8", http.Response.ContentType);
        Assert.Equal("no-store", http.Header("Cache-Control"));
        using var body = JsonDocument.Parse(http.BodyText);
        var sources = body.RootElement.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(["weibo", "csdn", "arxiv", "figures"], sources.Select(s => s.GetProperty("id").GetString()));
        // "ok with warnings" counts: the CSDN sample declares its charset only in the XML, which is worth a warning.
        Assert.All(sources, s => Assert.StartsWith("ok", s.GetProperty("status").GetString(), StringComparison.Ordinal));
        Assert.All(sources, s => Assert.Equal(0, s.GetProperty("failureCount").GetInt32()));
        Assert.All(sources, s => Assert.NotEqual(JsonValueKind.Null, s.GetProperty("lastSuccess").ValueKind));
    }
}
