using System.Diagnostics;
using System.Globalization;
using Aggregator.Azurite;
using Aggregator.Ingestion;
using Aggregator.Ingestion.Queue;
using Aggregator.Storage.Tables;
using Aggregator.Testing.Http;
using Aggregator.Testing.Paths;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Benchmarks.Ingestion;

/// <summary>
/// Issue target: ingestion scales out with the queue. 1,000 sources on a loopback server (most fast, one in four slow,
/// one in twenty failing) are ingested (a) as one in-process run, as <c>ingest</c> does, and (b) through the Azurite
/// queue by 1, 2 and 4 consumer processes, as Functions instances do; each on an empty store. Reports sources per
/// second, the 4:1 consumer time ratio (target ≤ 0.5), table requests per source, and that every store holds exactly
/// the expected posts.
/// </summary>
internal sealed class IngestScaleBenchmark : IBenchCommand
{
    public string Name => "ingest-scale";

    public string Description => "1,000 sources in-process vs through the queue by 1/2/4 consumer processes (Azurite); args: [sources]";

    public async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000;
        var failing = Enumerable.Range(0, count).Count(ScaleFixtureFeeds.IsFailing);
        var expected = (count - failing) * ScaleFixtureFeeds.ItemsPerFeed;
        await using var azurite = await AzuriteProcess.StartAsync(new AzuriteStartOptions { SearchFrom = RepositoryPaths.Root });
        await using var server = await LoopbackServer.StartAsync();
        server.Fallback = ScaleFixtureFeeds.Responder();
        var directory = Directory.CreateTempSubdirectory("aggregator-scale-").FullName;
        var sourcesPath = Path.Combine(directory, "sources.json");
        await ScaleStore.WriteSourcesAsync(sourcesPath, server.BaseUri, count);
        Console.Error.WriteLine($"{count:N0} sources ({Enumerable.Range(0, count).Count(ScaleFixtureFeeds.IsSlow):N0} slow at 1.5 s, {failing:N0} failing), {expected:N0} posts expected");

        var results = new List<Result> { await InProcessAsync(azurite.ConnectionString, sourcesPath, count) };
        foreach (var consumers in new[] { 1, 2, 4 })
        {
            results.Add(await QueuedAsync(azurite.ConnectionString, sourcesPath, count, consumers));
        }

        Console.WriteLine();
        Console.WriteLine($"{"mode",-22} {"seconds",8} {"sources/s",10} {"requests/source",16} {"timeline",9} {"live posts",11} {"exact",6}");
        foreach (var r in results)
        {
            var exact = r.Timeline == expected && r.Live == expected;
            Console.WriteLine($"{r.Mode,-22} {r.Seconds,8:0.0} {count / r.Seconds,10:0.0} {r.Requests / (double)count,16:0.0} {r.Timeline,9:N0} {r.Live,11:N0} {(exact ? "yes" : "NO"),6}");
        }

        var one = results.Single(r => r.Mode == "queue, 1 consumer");
        var four = results.Single(r => r.Mode == "queue, 4 consumers");
        Console.WriteLine($"4 consumers / 1 consumer: time {four.Seconds / one.Seconds:0.00}x (target <= 0.50x); " +
            $"in-process / 1 consumer: time {results[0].Seconds / one.Seconds:0.00}x");
        Directory.Delete(directory, recursive: true);
        return results.All(r => r.Timeline == expected && r.Live == expected) ? 0 : 1;
    }

    private static async Task<Result> InProcessAsync(string connectionString, string sourcesPath, int count)
    {
        var prefix = "scalei" + Guid.NewGuid().ToString("N")[..6];
        var counter = new StorageRequestCounter();
        await using var provider = ScaleStore.Compose(connectionString, prefix, sourcesPath, counter, useQueue: false);
        await provider.GetRequiredService<AggregatorTables>().EnsureCreatedAsync();
        counter.Reset();
        var stopwatch = Stopwatch.StartNew();
        var report = await provider.GetRequiredService<IngestionRunner>().RunAsync(new IngestionRunOptions());
        stopwatch.Stop();
        Console.Error.WriteLine($"in-process: {report.Sources.Count:N0} sources, {report.NewPosts:N0} new posts, {report.Failed:N0} failed");
        var (timeline, live) = await ScaleStore.CountAsync(connectionString, prefix);
        return new Result("in-process (ingest)", stopwatch.Elapsed.TotalSeconds, counter.Reads + counter.Writes, timeline, live);
    }

    private static async Task<Result> QueuedAsync(string connectionString, string sourcesPath, int count, int consumers)
    {
        var prefix = $"scaleq{consumers}" + Guid.NewGuid().ToString("N")[..6];
        var counter = new StorageRequestCounter();
        await using var provider = ScaleStore.Compose(connectionString, prefix, sourcesPath, counter, useQueue: true);
        await provider.GetRequiredService<AggregatorTables>().EnsureCreatedAsync();
        var queue = provider.GetRequiredService<IngestQueue>();
        await queue.EnsureCreatedAsync();
        counter.Reset();

        var stopwatch = Stopwatch.StartNew();
        var started = await provider.GetRequiredService<IngestionStarter>().StartAsync(new IngestionRunOptions());
        var processes = Enumerable.Range(0, consumers).Select(_ => StartConsumer(connectionString, prefix, sourcesPath)).ToList();
        var outputs = await Task.WhenAll(processes.Select(async p =>
        {
            var output = await p.StandardOutput.ReadToEndAsync();
            await p.WaitForExitAsync();
            return (p.ExitCode, output);
        }));
        stopwatch.Stop();

        var requests = counter.Reads + counter.Writes;
        foreach (var (exitCode, output) in outputs)
        {
            var line = output.Split('\n').LastOrDefault(l => l.StartsWith("requests ", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"a consumer exited {exitCode} without its figures:\n{output}");
            var parts = line.Split(' ');
            requests += long.Parse(parts[1], CultureInfo.InvariantCulture) + long.Parse(parts[2], CultureInfo.InvariantCulture);
        }

        Console.Error.WriteLine($"queue, {consumers} consumer(s): {started.Sources:N0} messages, {await queue.CountAsync()} left, {await queue.CountAsync(poisoned: true)} poisoned");
        var (timeline, live) = await ScaleStore.CountAsync(connectionString, prefix);
        return new Result(consumers == 1 ? "queue, 1 consumer" : $"queue, {consumers} consumers", stopwatch.Elapsed.TotalSeconds, requests, timeline, live);
    }

    private static Process StartConsumer(string connectionString, string prefix, string sourcesPath)
    {
        // The benchmark's own executable (or dll under dotnet), started as a separate process: nothing shared but the store.
        var entry = typeof(IngestScaleBenchmark).Assembly.Location;
        var host = Environment.ProcessPath!;
        var info = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            info.ArgumentList.Add(entry);
        }

        foreach (var argument in new[] { "ingest-scale-consumer", connectionString, prefix, sourcesPath })
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start a consumer process");
    }

    private sealed record Result(string Mode, double Seconds, long Requests, int Timeline, int Live);
}
