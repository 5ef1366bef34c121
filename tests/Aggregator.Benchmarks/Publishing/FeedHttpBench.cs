using System.Globalization;
using System.Net;
using Aggregator.Publishing;
using Aggregator.Sources;
using Aggregator.Storage;
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
/// GET /api/feed (50 items) from the warm render cache, 200 and 304, against the same Kestrel serving the same bytes as a
/// preloaded byte[] (the static-file baseline), in one run on loopback.
/// </summary>
public sealed class FeedHttpBench : IBenchCommand
{
    private const double Target200 = 0.5;
    private const double Target304 = 0.8;

    public string Name => "feed-http";

    public string Description => "Feed endpoint req/s and p50/p99 (200 and 304) vs a static byte[] route";

    public async Task<int> RunAsync(string[] args)
    {
        // Usage: feed-http [seconds per run, default 10] [rounds, default 2]. Rounds interleave the four runs so load from
        // other processes on a shared machine hits baseline and feed alike; the ratios are medians over rounds.
        var duration = TimeSpan.FromSeconds(args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var seconds) ? seconds : 10);
        var rounds = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var r) ? Math.Max(1, r) : 2;
        await using var app = await StartAsync();
        var baseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var feedUrl = new Uri(baseUrl, FeedRoutes.Feed);
        var staticUrl = new Uri(baseUrl, "/static");

        using var client = new HttpClient();
        using var first = await client.GetAsync(feedUrl);
        var bytes = await first.Content.ReadAsByteArrayAsync();
        var etag = first.Headers.ETag!.Tag;
        StaticBody.Set(bytes, first.Content.Headers.ContentType!.ToString(), etag, first.Content.Headers.LastModified!.Value.ToString("r", CultureInfo.InvariantCulture));

        var wrk = WrkLoad.Find();
        Console.WriteLine($"feed-http: {bytes.Length} bytes, 50 items; load generator: {(wrk is null ? "in-process HttpClient loop (wrk not installed)" : "wrk -t2 -c32 --latency")}, {duration.TotalSeconds:0}s per run, loopback");

        async Task<LoadResult> Measure(Uri url, string? ifNoneMatch)
        {
            // A short unmeasured run first: JIT, connection pools and the render cache are warm for the measured one.
            var warm = TimeSpan.FromSeconds(1);
            if (wrk is null)
            {
                await HttpClientLoad.RunAsync(url, ifNoneMatch, warm);
                return await HttpClientLoad.RunAsync(url, ifNoneMatch, duration);
            }

            await WrkLoad.RunAsync(wrk, url, ifNoneMatch, warm);
            return await WrkLoad.RunAsync(wrk, url, ifNoneMatch, duration);
        }

        var runs = new[] { ("static 200", staticUrl, (string?)null), ("feed 200", feedUrl, null), ("static 304", staticUrl, etag), ("feed 304", feedUrl, etag) };
        var results = runs.ToDictionary(run => run.Item1, _ => new List<LoadResult>());
        for (var round = 0; round < rounds; round++)
        {
            // Odd rounds run the feed before its baseline, so neither side always gets the first (or last) slot.
            var order = round % 2 == 0 ? [0, 1, 2, 3] : new[] { 1, 0, 3, 2 };
            foreach (var (name, url, ifNoneMatch) in order.Select(i => runs[i]))
            {
                results[name].Add(await Measure(url, ifNoneMatch));
            }
        }

        Console.WriteLine($"{"run",-12} {"round",5} {"req/s",10} {"p50 ms",8} {"p99 ms",8}  notes");
        foreach (var (name, _, _) in runs)
        {
            for (var round = 0; round < rounds; round++)
            {
                var result = results[name][round];
                Console.WriteLine($"{name,-12} {round + 1,5} {result.RequestsPerSecond,10:0} {result.P50Milliseconds,8:0.000} {result.P99Milliseconds,8:0.000}  {result.Notes}");
            }
        }

        var ratio200 = Median(Enumerable.Range(0, rounds).Select(i => results["feed 200"][i].RequestsPerSecond / results["static 200"][i].RequestsPerSecond));
        var ratio304 = Median(Enumerable.Range(0, rounds).Select(i => results["feed 304"][i].RequestsPerSecond / results["static 304"][i].RequestsPerSecond));
        Console.WriteLine($"feed/static throughput, 200: {ratio200:P0} (target >= {Target200:P0}) {(ratio200 >= Target200 ? "met" : "MISSED")}");
        Console.WriteLine($"feed/static throughput, 304: {ratio304:P0} (target >= {Target304:P0}) {(ratio304 >= Target304 ? "met" : "MISSED")}");
        return 0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var stores = new FixedFeedStores(Posts(50));
        builder.Services.AddSingleton<IPostStore>(stores);
        builder.Services.AddSingleton<IPaperStore>(stores);
        builder.Services.AddSingleton<IDataVersion>(stores);
        builder.Services.AddSingleton<ISourceCatalogProvider>(new FixedSourceCatalog(
        [
            new SourceDefinition { Id = "blog", Name = "A blog", Url = new Uri("https://example.org/feed.xml"), Type = SourceType.Feed },
        ]));
        builder.Services.AddAggregatorPublishing(builder.Configuration);

        var app = builder.Build();
        var endpoints = app.Services.GetRequiredService<FeedEndpoints>();
        app.Map(FeedRoutes.Feed, endpoints.FeedAsync);
        app.MapGet("/static", StaticBody.ServeAsync);
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
