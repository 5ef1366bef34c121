using System.Net;
using Aggregator.Testing.Http;
using Microsoft.AspNetCore.Http;

namespace Aggregator.Tests.Fetching;

/// <summary>The shared test server itself, checked with a plain HttpClient so fetcher bugs cannot hide server bugs.</summary>
public sealed class LoopbackServerTests
{
    [Fact]
    public async Task Text_IsServedWithContentType_AndLogged()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/hello.txt", LoopbackResponse.Text("你好", "text/plain; charset=utf-8"));
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, server.Url("/hello.txt?x=1"));
        request.Headers.Add("X-Test", "yes");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("你好", await response.Content.ReadAsStringAsync());
        var logged = Assert.Single(server.Requests);
        Assert.Equal("/hello.txt", logged.Path);
        Assert.Equal("?x=1", logged.Query);
        Assert.Equal("yes", logged.Header("x-test"));
        Assert.Equal(200, logged.StatusCode);
        Assert.StartsWith("http://127.0.0.1:", server.BaseUri.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnmappedPath_Answers404()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var client = new HttpClient();

        using var response = await client.GetAsync(server.Url("/nothing"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, Assert.Single(server.RequestsTo("/nothing")).StatusCode);
    }

    [Fact]
    public async Task Bytes_WithETag_Answers304ToMatchingIfNoneMatch()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/feed.xml", LoopbackResponse.Bytes([1, 2, 3], "application/xml").WithETag("v1"));
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, server.Url("/feed.xml"));
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"v1\"");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal("\"v1\"", response.Headers.ETag?.ToString());
        Assert.Equal(304, Assert.Single(server.Requests).StatusCode);
    }

    [Fact]
    public async Task Text_WithLastModified_Answers304ToLaterIfModifiedSince_And200ToEarlier()
    {
        var modified = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/feed.xml", LoopbackResponse.Text("<rss/>", "application/rss+xml").WithLastModified(modified));
        using var client = new HttpClient();

        using var unchanged = new HttpRequestMessage(HttpMethod.Get, server.Url("/feed.xml"));
        unchanged.Headers.IfModifiedSince = modified;
        using var changed = new HttpRequestMessage(HttpMethod.Get, server.Url("/feed.xml"));
        changed.Headers.IfModifiedSince = modified.AddDays(-1);

        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(unchanged)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(changed)).StatusCode);
    }

    [Theory]
    [InlineData("gzip", DecompressionMethods.GZip)]
    [InlineData("br", DecompressionMethods.Brotli)]
    [InlineData("deflate", DecompressionMethods.Deflate)]
    public async Task ContentEncoding_CompressesTheBody(string encoding, DecompressionMethods method)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/text", LoopbackResponse.Text(new string('x', 10_000)).WithContentEncoding(encoding));
        server.Map("/huge", LoopbackResponse.Huge(100_000).WithContentEncoding(encoding));
        using var raw = new HttpClient();
        using var decoding = new HttpClient(new HttpClientHandler { AutomaticDecompression = method });

        using var compressed = await raw.GetAsync(server.Url("/text"));
        var compressedBytes = await compressed.Content.ReadAsByteArrayAsync();

        Assert.Equal(encoding, Assert.Single(compressed.Content.Headers.ContentEncoding));
        Assert.True(compressedBytes.Length < 10_000, $"{encoding} body was {compressedBytes.Length} bytes");
        Assert.Equal(new string('x', 10_000), await decoding.GetStringAsync(server.Url("/text")));
        Assert.Equal(100_000, (await decoding.GetByteArrayAsync(server.Url("/huge"))).Length);
    }

    [Fact]
    public async Task Huge_StreamsTheStatedNumberOfBytes_WithOrWithoutContentLength()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/sized", LoopbackResponse.Huge(300_000));
        server.Map("/chunked", LoopbackResponse.Huge(300_000, sendContentLength: false));
        using var client = new HttpClient();

        using var sized = await client.GetAsync(server.Url("/sized"));
        using var chunked = await client.GetAsync(server.Url("/chunked"), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(300_000, sized.Content.Headers.ContentLength);
        Assert.Equal(300_000, (await sized.Content.ReadAsByteArrayAsync()).Length);
        Assert.True(chunked.Headers.TransferEncodingChunked);
        Assert.Equal(300_000, (await chunked.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task Redirect_SendsLocationAsGiven_AndSequenceAdvancesPerRequest()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/old", LoopbackResponse.Redirect("new", 301));
        server.Map("/seq", LoopbackResponse.Sequence(LoopbackResponse.Text("one"), LoopbackResponse.Text("two")));
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var redirect = await client.GetAsync(server.Url("/old"));

        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal("new", redirect.Headers.Location?.OriginalString);
        Assert.Equal("one", await client.GetStringAsync(server.Url("/seq")));
        Assert.Equal("two", await client.GetStringAsync(server.Url("/seq")));
        Assert.Equal("two", await client.GetStringAsync(server.Url("/seq")));
    }

    [Fact]
    public async Task File_IsReadAtRequestTime_And404OnceDeleted()
    {
        var path = Path.Combine(Path.GetTempPath(), $"loopback-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(path, "<first/>");
        try
        {
            await using var server = await LoopbackServer.StartAsync();
            server.Map("/file.xml", LoopbackResponse.File(path));
            using var client = new HttpClient();

            using var first = await client.GetAsync(server.Url("/file.xml"));
            await File.WriteAllTextAsync(path, "<second/>");
            var second = await client.GetStringAsync(server.Url("/file.xml"));
            File.Delete(path);
            using var gone = await client.GetAsync(server.Url("/file.xml"));

            Assert.Equal("text/xml", first.Content.Headers.ContentType?.MediaType);
            Assert.Equal("<first/>", await first.Content.ReadAsStringAsync());
            Assert.Equal("<second/>", second);
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Handler_ThatThrows_Answers500_AndRecordsTheError()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/boom", _ => throw new InvalidOperationException("kaput"));
        using var client = new HttpClient();

        using var response = await client.GetAsync(server.Url("/boom"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("kaput", Assert.Single(server.Requests).Error?.Message);
    }

    [Fact]
    public async Task PostedBody_IsLogged_AndStillReadableByTheHandler()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/v1/echo", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            await context.Response.WriteAsync("echo:" + await reader.ReadToEndAsync());
        });
        using var client = new HttpClient();

        using var response = await client.PostAsync(server.Url("/v1/echo"), new StringContent("{\"q\":\"论文\"}"));

        Assert.Equal("echo:{\"q\":\"论文\"}", await response.Content.ReadAsStringAsync());
        var logged = Assert.Single(server.Requests);
        Assert.Equal("POST", logged.Method);
        Assert.Equal("{\"q\":\"论文\"}", logged.BodyText);
    }

    [Fact]
    public async Task Json_SerialisesObjectsWithWebDefaults()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/api", LoopbackResponse.Json(new { PaperTitle = "Attention", Year = 2017 }));
        using var client = new HttpClient();

        using var response = await client.GetAsync(server.Url("/api"));

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("{\"paperTitle\":\"Attention\",\"year\":2017}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Slow_SendsHeadersAtOnce_ThenTheWholeBody()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/drip", LoopbackResponse.Slow(bytesPerSecond: 1000, totalBytes: 300));
        using var client = new HttpClient();

        using var response = await client.GetAsync(server.Url("/drip"), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(300, response.Content.Headers.ContentLength);
        Assert.Equal(300, (await response.Content.ReadAsByteArrayAsync()).Length);
    }
}
