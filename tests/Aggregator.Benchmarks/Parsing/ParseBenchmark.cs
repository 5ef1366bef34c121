using System.Diagnostics;
using System.Xml;
using Aggregator.Parsing;
using Aggregator.Testing.Paths;

namespace Aggregator.Benchmarks.Parsing;

/// <summary>
/// FeedReader's throughput (MB/s) and allocation (bytes allocated per input byte) beside a bare XmlReader pass that
/// reads every node's value over the same bytes in the same run — the floor any streaming XML feed parser stands on.
/// Targets: ≥ 50% of the bare pass's throughput on the large feeds, ≤ 3 allocated bytes per input byte.
/// </summary>
public sealed class ParseBenchmark : IBenchCommand
{
    private static readonly TimeSpan MeasureFor = TimeSpan.FromSeconds(3);

    public string Name => "parse";

    public string Description => "FeedReader MB/s and allocated B/B vs a bare XmlReader pass (conformance corpus, 13 MB feeds)";

    public Task<int> RunAsync(string[] args)
    {
        var inputs = new List<(string Name, byte[][] Documents)>
        {
            ("rss 2000 items", [LargeFeedGenerator.Rss()]),
            ("atom 2000 items", [LargeFeedGenerator.Atom()]),
        };

        var corpus = ConformanceCorpus();
        if (corpus is null)
        {
            Console.WriteLine("conformance corpus: skipped (../shared/conformance/feedparser absent)");
        }
        else
        {
            inputs.Insert(0, ("conformance corpus", corpus));
        }

        var reader = new FeedReader();
        Console.WriteLine($"{"input",-20} {"MB",7} {"FeedReader MB/s",16} {"bare MB/s",10} {"ratio",7} {"FeedReader B/B",15} {"bare B/B",9}");
        var failed = false;
        foreach (var (name, documents) in inputs)
        {
            var bytes = documents.Sum(d => (long)d.Length);
            var (ours, bare) = MeasureInterleaved(documents, bytes, document => Parse(reader, document), BareXmlPass);
            var ratio = ours.MegabytesPerSecond / bare.MegabytesPerSecond;
            Console.WriteLine($"{name,-20} {bytes / 1e6,7:F2} {ours.MegabytesPerSecond,16:F1} {bare.MegabytesPerSecond,10:F1} {ratio,7:P0} {ours.BytesPerByte,15:F2} {bare.BytesPerByte,9:F2}");
            if (name.EndsWith("items", StringComparison.Ordinal) && (ratio < 0.5 || ours.BytesPerByte > 3))
            {
                failed = true;
            }
        }

        Console.WriteLine(failed ? "targets missed (≥ 50% of bare throughput, ≤ 3 B/B on the large feeds)" : "targets met on the large feeds (≥ 50% of bare throughput, ≤ 3 B/B)");
        return Task.FromResult(failed ? 1 : 0);
    }

    private static void Parse(FeedReader reader, byte[] document)
    {
        try
        {
            reader.Read(document);
        }
        catch (FeedParseException)
        {
            // The corpus has deliberately broken documents; failing on them quickly is part of the work measured.
        }
    }

    private static readonly XmlReaderSettings BareSettings = new() { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, CheckCharacters = false };

    private static void BareXmlPass(byte[] document)
    {
        try
        {
            using var xml = XmlReader.Create(new MemoryStream(document, writable: false), BareSettings);
            while (xml.Read())
            {
                if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
                {
                    _ = xml.Value;
                }
                else if (xml.NodeType == XmlNodeType.Element)
                {
                    while (xml.MoveToNextAttribute())
                    {
                        _ = xml.Value;
                    }
                }
            }
        }
        catch (XmlException)
        {
            // Same documents as FeedReader sees, ill-formed ones included.
        }
    }

    /// <summary>
    /// Alternates short rounds of the two parsers, so that load from other processes on this shared machine and JIT
    /// tiering affect both alike; returns each one's throughput and allocated bytes per input byte.
    /// </summary>
    private static ((double MegabytesPerSecond, double BytesPerByte) Ours, (double MegabytesPerSecond, double BytesPerByte) Bare) MeasureInterleaved(
        byte[][] documents, long bytes, Action<byte[]> ours, Action<byte[]> bare)
    {
        for (var warmup = 0; warmup < 3; warmup++)
        {
            Round(documents, ours);
            Round(documents, bare);
        }

        var oursTotal = new Totals();
        var bareTotal = new Totals();
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < MeasureFor * 2)
        {
            oursTotal.Add(documents, ours);
            bareTotal.Add(documents, bare);
        }

        return (oursTotal.Result(bytes), bareTotal.Result(bytes));
    }

    private static void Round(byte[][] documents, Action<byte[]> parse)
    {
        foreach (var document in documents)
        {
            parse(document);
        }
    }

    private sealed class Totals
    {
        private TimeSpan elapsed;
        private long allocated;
        private int rounds;

        public void Add(byte[][] documents, Action<byte[]> parse)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            Round(documents, parse);
            elapsed += Stopwatch.GetElapsedTime(start);
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            rounds++;
        }

        public (double, double) Result(long bytes) =>
            ((double)bytes * rounds / 1e6 / elapsed.TotalSeconds, allocated / ((double)bytes * rounds));
    }

    private static byte[][]? ConformanceCorpus()
    {
        if (RepositoryPaths.Shared is not { } shared)
        {
            return null;
        }

        var directory = Path.Combine(shared, "conformance", "feedparser", "tests");
        return Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray()
            : null;
    }
}
