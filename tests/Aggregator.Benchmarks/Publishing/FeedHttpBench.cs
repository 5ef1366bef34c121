using System.Diagnostics;
using System.Globalization;
using System.Net;
using Aggregator.Azurite;
using Aggregator.Hosting;
using Aggregator.Publishing;
using Aggregator.Sources;
using Aggregator.Storage;
using Aggregator.Storage.Tables;
using Aggregator.Testing.Paths;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aggregator.Benchmarks.Publishing;

/// <summary>
/// GET /api/feed (50 items) as the app serves it, over real Table storage (Azurite): 200 and 304 at 64 connections
/// against the same Kestrel serving the same bytes from a preloaded byte[] (the static-file baseline); then 200 distinct
/// query strings, and 512 Host/q case variants, which must not bust the render cache. Reports req/s, p99, errors (must
/// be 0), storage requests per second, and the server's working set before and after, in one run on loopback.
/// </summary>
public sealed class FeedHttpBench : IBenchCommand
{
    private const double Target200 = 0.5;
    private const double Target304 = 0.8;
    private const int PostCount = 50;

    public string Name => "feed-http";

    public string Description => "Feed req/s, p99, errors (200, 304, 200 distinct queries, Host/q variants) vs a static byte[] route; Azurite; args: [seconds=20] [connections=64]";

    public async Task<int> RunAsync(string[] args)
    {
        var duration = TimeSpan.FromSeconds(args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var seconds) ? seconds : 20);
        var connections = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var c) ? Math.Max(1, c) : 64;
        await using var azurite = await AzuriteProcess.StartAsync(new AzuriteStartOptions { SearchFrom = RepositoryPaths.Root });
        var counter = new StorageRequestCounter();
        var prefix = "b" + Guid.NewGuid().ToString("N")[..10];
        await using var app = await StartAsync(azurite.ConnectionString, counter, prefix, perRequestVersion: false);
        // The same app over the same tables, but reading the data version on every request, as before.
        await using var before = await StartAsync(azurite.ConnectionString, counter, prefix, perRequestVersion: true);
        var beforeUrl = new Uri(new Uri(before.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), FeedRoutes.Feed);
        var baseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var feedUrl = new Uri(baseUrl, FeedRoutes.Feed);
        var staticUrl = new Uri(baseUrl, "/static");
        var cache = app.Services.GetRequiredService<RenderedResourceCache>();

        using var client = new HttpClient();
        using var first = await client.GetAsync(feedUrl);
        var bytes = await first.Content.ReadAsByteArrayAsync();
        var etag = first.Headers.ETag!.Tag;
        // The other app's links name its own port, so its feed has its own tag.
        using var firstBefore = await client.GetAsync(beforeUrl);
        var beforeEtag = firstBefore.Headers.ETag!.Tag;
        StaticBody.Set(bytes, first.Content.Headers.ContentType!.ToString(), etag, first.Content.Headers.LastModified!.Value.ToString("r", CultureInfo.InvariantCulture));

        var distinct = Enumerable.Range(0, 200)
            .Select(i => ($"{FeedRoutes.Feed}?q=post%20{i % 50}&limit={10 + (i / 50)}", baseUrl.Authority))
            .ToList();
        var variants = Enumerable.Range(0, 512)
            .Select(i => ($"{FeedRoutes.Feed}?q={MixedCase("post", i)}", $"h{i}.example.org"))
            .ToList();

        var wrk = WrkLoad.Find();
        Console.WriteLine($"feed-http: {bytes.Length} bytes, {PostCount} items, Azurite tables; load: {(wrk is null ? "in-process HttpClient loops (wrk not installed)" : "wrk -t2")} -c{connections}, {duration.TotalSeconds:0}s per run, loopback");

        Task<LoadResult> Load(Uri url, IReadOnlyList<(string, string)>? rotation, string? ifNoneMatch, TimeSpan time)
        {
            if (wrk is null)
            {
                var requests = rotation?.Select(r => (r.Item1, (string?)r.Item2)).ToList() ?? [(url.PathAndQuery, null)];
                return HttpClientLoad.RunAsync(baseUrl, requests, ifNoneMatch, time, connections);
            }

            return rotation is not null
                ? WrkLoad.RunRotationAsync(wrk, baseUrl, rotation, time, connections)
                : WrkLoad.RunAsync(wrk, url, ifNoneMatch, time, connections);
        }

        var runs = new (string Name, Uri Url, IReadOnlyList<(string, string)>? Rotation, string? IfNoneMatch)[]
        {
            ("static 200", staticUrl, null, null),
            ("feed 200", feedUrl, null, null),
            ("static 304", staticUrl, null, etag),
            ("feed 304", feedUrl, null, etag),
            ("304 before", beforeUrl, null, beforeEtag),
            ("200 queries", feedUrl, distinct, null),
            ("Host/q vars", feedUrl, variants, null),
        };

        var memoryBefore = Memory();
        Console.WriteLine($"{"run",-12} {"req/s",9} {"p50 ms",8} {"p99 ms",8} {"errors",7} {"storage/s",9} {"WS MB",7} {"cache",6}  notes");
        var results = new Dictionary<string, LoadResult>();
        foreach (var (name, url, rotation, ifNoneMatch) in runs)
        {
            // A short unmeasured run first: JIT, connection pools and the render cache are warm for the measured one
            // (and the renders a rotation needs are done: what is measured is serving them).
            await Load(url, rotation, ifNoneMatch, TimeSpan.FromSeconds(rotation is null ? 1 : 3));
            var storageBefore = counter.Count;
            var clock = Stopwatch.StartNew();
            var result = results[name] = await Load(url, rotation, ifNoneMatch, duration);
            var storagePerSecond = (counter.Count - storageBefore) / clock.Elapsed.TotalSeconds;
            Console.WriteLine(
                $"{name,-12} {result.RequestsPerSecond,9:0} {result.P50Milliseconds,8:0.00} {result.P99Milliseconds,8:0.00} {result.Errors,7} {storagePerSecond,9:0.0} {Memory().WorkingSetMb,7:0} {cache.Count,6}  {result.Notes}");
        }

        var after = Memory();
        var ratio200 = results["feed 200"].RequestsPerSecond / results["static 200"].RequestsPerSecond;
        var ratio304 = results["feed 304"].RequestsPerSecond / results["static 304"].RequestsPerSecond;
        var ratio304Before = results["feed 304"].RequestsPerSecond / results["304 before"].RequestsPerSecond;
        // The before-run is expected to be slow, not to fail; its errors count too.
        var errors = results.Values.Sum(r => r.Errors);
        Console.WriteLine($"feed/static throughput, 200: {ratio200:P0} (target >= {Target200:P0}) {(ratio200 >= Target200 ? "met" : "MISSED")}");
        Console.WriteLine($"feed/static throughput, 304: {ratio304:P0} (target >= {Target304:P0}) {(ratio304 >= Target304 ? "met" : "MISSED")}");
        Console.WriteLine($"200 distinct queries / feed 200: {results["200 queries"].RequestsPerSecond / results["feed 200"].RequestsPerSecond:P0}; Host/q variants / feed 200: {results["Host/q vars"].RequestsPerSecond / results["feed 200"].RequestsPerSecond:P0}");
        Console.WriteLine($"p99 feed 200 / static 200: {results["feed 200"].P99Milliseconds / results["static 200"].P99Milliseconds:0.0}x; p99 feed 304 / static 304: {results["feed 304"].P99Milliseconds / results["static 304"].P99Milliseconds:0.0}x");
        Console.WriteLine($"errors (all runs): {errors} {(errors == 0 ? "ok" : "MISSED (must be 0)")}");
        Console.WriteLine($"feed 304 now / before (data version read per request): {ratio304Before:0.0}x throughput, p99 {results["304 before"].P99Milliseconds / results["feed 304"].P99Milliseconds:0.0}x lower");
        Console.WriteLine($"working set (both apps): {memoryBefore.WorkingSetMb:0} MB before, {after.WorkingSetMb:0} MB after ({after.WorkingSetMb / memoryBefore.WorkingSetMb:0.00}x); managed heap {memoryBefore.HeapMb:0} -> {after.HeapMb:0} MB; render cache {cache.Count} entries, {cache.Bytes / 1024.0 / 1024.0:0.0} MB");
        return errors == 0 ? 0 : 1;
    }

    private static (double WorkingSetMb, double HeapMb) Memory()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return (process.WorkingSet64 / 1024.0 / 1024.0, GC.GetTotalMemory(false) / 1024.0 / 1024.0);
    }

    private static string MixedCase(string word, int seed) =>
        new(word.Select((ch, i) => ((seed >> i) & 1) == 1 ? char.ToUpperInvariant(ch) : ch).ToArray());

    private static async Task<WebApplication> StartAsync(string connectionString, StorageRequestCounter counter, string tablePrefix, bool perRequestVersion)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [SettingNames.Storage] = connectionString });
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(counter, Azure.Core.HttpPipelinePosition.PerRetry);
        builder.Services.AddSingleton(StorageSettings.FromConfiguration(builder.Configuration).CreateTableServiceClient(tableOptions));
        builder.Services.AddSingleton<ISourceCatalogProvider>(new FixedSourceCatalog(
        [
            new SourceDefinition { Id = "blog", Name = "A blog", Url = new Uri("https://example.org/feed.xml"), Type = SourceType.Feed },
        ]));
        builder.Services.Configure<TableStoreOptions>(o => o.TablePrefix = tablePrefix);
        if (perRequestVersion)
        {
            builder.Services.AddSingleton<IDataVersion>(sp => new PerRequestDataVersion(sp.GetRequiredService<AggregatorTables>()));
        }

        builder.Services.AddAggregator(builder.Configuration);

        var app = builder.Build();
        app.UseMiddleware<StorageOutageMiddleware>();
        var endpoints = app.Services.GetRequiredService<FeedEndpoints>();
        app.Map(FeedRoutes.Feed, endpoints.FeedAsync);
        app.MapGet("/static", StaticBody.ServeAsync);

        if (!perRequestVersion)
        {
            var posts = app.Services.GetRequiredService<IPostStore>();
            foreach (var post in Posts(PostCount))
            {
                await posts.AddAsync(post, ["id:" + post.Id], maxFingerprintDistance: -1);
            }

            await app.Services.GetRequiredService<IDataVersion>().BumpAsync();
        }

        await app.StartAsync();
        return app;
    }

    private static List<Post> Posts(int count)
    {
        var start = new DateTimeOffset(2024, 6, 10, 8, 0, 0, TimeSpan.Zero);
        var paragraph = "<p>Direct preference optimisation trains a policy from preference pairs without a separate reward model; 本文介绍了多模态大模型的新进展。</p>";
        return Enumerable.Range(0, count).Select(i => new Post
        {
            Id = $"post-{i:D3}",
            SourceId = "blog",
            SourceName = "A blog",
            Title = $"Post {i}: what the paper says",
            Link = $"https://example.org/posts/{i}",
            Authors = ["An Author"],
            Published = start.AddMinutes(-i),
            FirstSeen = start.AddMinutes(-i),
            ContentHtml = string.Concat(Enumerable.Repeat(paragraph, 12)),
            Summary = "A summary of the post in two sentences. It mentions a paper.",
            Summarizer = "extractive",
            Papers = [new PostPaper($"arxiv:2406.{i:D5}", "A paper title", $"https://arxiv.org/abs/2406.{i:D5}")],
            Sources = [new PostSource("blog", "A blog", $"https://example.org/posts/{i}", start.AddMinutes(-i))],
        }).ToList();
    }

    /// <summary>
    /// The baseline: the feed's bytes preloaded, answered the way ASP.NET Core's static file middleware answers (the same
    /// headers on 200 and 304: Content-Type, Last-Modified, ETag, Accept-Ranges), minus its file-system lookups.
    /// </summary>
    private static class StaticBody
    {
        private static byte[] body = [];
        private static string contentType = "";
        private static string etag = "";
        private static string lastModified = "";

        public static void Set(byte[] bytes, string type, string tag, string modified) => (body, contentType, etag, lastModified) = (bytes, type, tag, modified);

        public static Task ServeAsync(HttpContext context)
        {
            var headers = context.Response.Headers;
            context.Response.ContentType = contentType;
            headers.LastModified = lastModified;
            headers.ETag = etag;
            headers.AcceptRanges = "bytes";
            if (context.Request.Headers.IfNoneMatch == etag)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }

            context.Response.ContentLength = body.Length;
            return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
        }
    }
}
